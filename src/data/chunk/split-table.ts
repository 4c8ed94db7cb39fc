/** Splits an oversized table by rows, repeating the header row at the top of every piece. */
import type { Element } from '../elements/index.js';

/** One piece of a split table: its text and the rows it carries (indices into the table's rows, end exclusive). */
export interface TablePiece {
  text: string;
  rows: { start: number; end: number };
}

/** A table's rows: `metadata.table.rows` when the parser gave them, else one row per line of its text. */
function rowsOf(table: Element): string[] {
  const cells = table.metadata.table?.rows;
  if (cells && cells.length > 0) return cells.map((r) => r.join(' | '));
  return table.text.split('\n').filter((l) => l.trim() !== '');
}

/**
 * Splits a table into pieces of at most `maxChars`: row 0 is the header and starts every piece, followed by as many
 * whole rows as fit. A header plus one row that is still too long makes a piece over `maxChars` (rows are never cut).
 * @example splitTable(table, 200).map((p) => p.rows) // [{ start: 1, end: 8 }, { start: 8, end: 12 }]
 */
export function splitTable(table: Element, maxChars: number): TablePiece[] {
  const rows = rowsOf(table);
  const [header, ...body] = rows;
  if (header === undefined) return [];
  if (body.length === 0) return [{ text: header, rows: { start: 0, end: 1 } }];
  const pieces: TablePiece[] = [];
  let start = 1;
  let text = header;
  for (let i = 1; i <= body.length; i++) {
    const row = rows[i]!;
    if (i > start && text.length + 1 + row.length > maxChars) {
      pieces.push({ text, rows: { start, end: i } });
      [start, text] = [i, header];
    }
    text += `\n${row}`;
  }
  pieces.push({ text, rows: { start, end: rows.length } });
  return pieces;
}
