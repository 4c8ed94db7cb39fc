/**
 * Tables as elements, shared by the CSV and fixed-width parsers. A table is cut into pieces of at most
 * `TABLE_PIECE_ROWS` data rows, each its own `table` element with the header row repeated. The element text is
 * one line per row, cells joined by ` | ` (header line first): the same rendering the chunker uses when it splits
 * a table (src/data/chunk/split-table.ts), so a table reads the same whole or split, and markings and PII in cells
 * stay visible to the labelling, PII and dedup steps. Line breaks inside a cell become spaces in the text only;
 * `metadata.table.rows` keeps the cells exactly.
 */
import type { ElementSink } from '../shared/index.js';

/** Most data rows in one table element. */
export const TABLE_PIECE_ROWS = 200;

/**
 * One row as a line of text.
 * @example renderRow(['name', 'a\nb']) // 'name | a b'
 */
export function renderRow(cells: readonly string[]): string {
  return cells.map((c) => c.replace(/[ \t]*\r?\n[ \t]*/g, ' ')).join(' | ');
}

/**
 * Collects rows under one header and emits a `table` element every `TABLE_PIECE_ROWS` rows (and on `flush`).
 * @example const t = new TableWriter(sink, ['id', 'name']); t.add(['1', 'Ann']); t.flush();
 */
export class TableWriter {
  #rows: string[][] = [];

  constructor(
    private readonly sink: ElementSink,
    readonly header: readonly string[],
  ) {}

  add(row: readonly string[]): void {
    this.#rows.push([...row]);
    if (this.#rows.length >= TABLE_PIECE_ROWS) this.flush();
  }

  /** Emits the rows collected so far (nothing when there are none). */
  flush(): void {
    if (this.#rows.length === 0) return;
    const rows = [[...this.header], ...this.#rows];
    this.sink.push('table', rows.map(renderRow).join('\n'), { metadata: { table: { rows } } });
    this.#rows = [];
  }
}
