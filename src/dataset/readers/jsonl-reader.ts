/** JSON Lines: one object per line; blank lines are ignored, a bad line is a bad row. */
import { decodeText, toRawRow, type DatasetReader, type RawRow } from '../dataset-reader.js';

export const jsonlReader: DatasetReader = {
  async read(bytes) {
    const lines = decodeText(bytes).split('\n');
    const rows: RawRow[] = [];
    for (let i = 0; i < lines.length; i++) {
      const text = (lines[i] ?? '').trim();
      if (text === '') continue;
      const row = rows.length + 1;
      try {
        rows.push(toRawRow(JSON.parse(text), row, i + 1));
      } catch (err) {
        rows.push({ row, line: i + 1, ok: false, reason: `invalid JSON: ${(err as Error).message}` });
      }
    }
    return rows;
  },
};
