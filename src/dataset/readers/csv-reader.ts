/** CSV with a header row; a byte-order mark is dropped, quoted fields may span lines. */
import { parse, type Info } from 'csv-parse/sync';
import { AssayError } from '../../errors/index.js';
import type { DatasetReader, RawRow } from '../dataset-reader.js';

interface CsvRecord {
  record: string[];
  info: Info;
}

export const csvReader: DatasetReader = {
  async read(bytes, { file, signal }) {
    const records = parseCsv(bytes, file);
    signal?.throwIfAborted();
    const [head, ...body] = records;
    if (!head) return [];
    const header = head.record.map((h) => h.trim());
    const rows: RawRow[] = [];
    let prev = head.info;
    for (const { record, info } of body) {
      // info.lines is where the record ends; it starts after the previous record and any skipped lines.
      const line = prev.lines + 1 + (info.empty_lines - prev.empty_lines) + (info.comment_lines - prev.comment_lines);
      prev = info;
      const row = rows.length + 1;
      if (record.length !== header.length) {
        rows.push({ row, line, ok: false, reason: `has ${record.length} fields, the header has ${header.length}` });
        continue;
      }
      rows.push({ row, line, ok: true, record: Object.fromEntries(header.map((h, i) => [h, record[i]])) });
    }
    return rows;
  },
};

function parseCsv(bytes: Uint8Array, file: string): CsvRecord[] {
  try {
    // With `info: true` each record is { record, info }; the typings only know plain string[][].
    return parse(bytes, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as CsvRecord[];
  } catch (err) {
    const line = (err as { lines?: unknown }).lines;
    throw new AssayError('DATASET_INVALID', `${file}: not valid CSV: ${(err as Error).message}`, {
      where: typeof line === 'number' ? { file, line } : { file },
      hint: 'Check the quoting near that line; fields holding commas, quotes or newlines must be double-quoted.',
      cause: err,
    });
  }
}
