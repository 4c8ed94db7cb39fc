/** JSON: an array of objects, or an object holding one under `data`, `rows` or `samples`. */
import { AssayError } from '../../errors/index.js';
import { decodeText, describe, toRawRow, type DatasetReader } from '../dataset-reader.js';

const CONTAINER_KEYS = ['data', 'rows', 'samples'] as const;

export const jsonReader: DatasetReader = {
  async read(bytes, { file }) {
    let value: unknown;
    try {
      value = JSON.parse(decodeText(bytes));
    } catch (err) {
      throw new AssayError('DATASET_INVALID', `${file}: not valid JSON: ${(err as Error).message}`, {
        where: { file },
        hint: 'For one object per line, name the file .jsonl or set dataset.format: jsonl.',
        cause: err,
      });
    }
    return rowList(value, file).map((item, i) => toRawRow(item, i + 1));
  },
};

/** Finds the row array in a parsed JSON or YAML document. */
export function rowList(value: unknown, file: string): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) {
    for (const key of CONTAINER_KEYS) {
      const rows = (value as Record<string, unknown>)[key];
      if (Array.isArray(rows)) return rows;
    }
  }
  throw new AssayError('DATASET_INVALID', `${file}: expected an array of rows, got ${describe(value)}`, {
    where: { file },
    hint: `Make the top level an array, or an object with a ${CONTAINER_KEYS.map((k) => `"${k}"`).join(', ')} array.`,
  });
}
