/** A reader for CSV files published without a header row (MMLU): the columns are named by the benchmark. */
import type { DatasetReader } from '../../dataset/dataset-reader.js';
import { csvReader } from '../../dataset/readers/csv-reader.js';

const BOM = [0xef, 0xbb, 0xbf];

/**
 * Reads header-less CSV as if `columns` were its header: the standard CSV reader runs on the bytes with that
 * header line in front, and line numbers are moved back by one so they point into the real file.
 * @example headerlessCsvReader(['question', 'A', 'B', 'C', 'D', 'answer'])
 */
export function headerlessCsvReader(columns: readonly string[]): DatasetReader {
  const header = new TextEncoder().encode(`${columns.join(',')}\n`);
  return {
    async read(bytes, options) {
      const body = BOM.every((b, i) => bytes[i] === b) ? bytes.subarray(BOM.length) : bytes;
      const joined = new Uint8Array(header.length + body.length);
      joined.set(header, 0);
      joined.set(body, header.length);
      const rows = await csvReader.read(joined, options);
      return rows.map((r) => (r.line === undefined ? r : { ...r, line: r.line - 1 }));
    },
  };
}
