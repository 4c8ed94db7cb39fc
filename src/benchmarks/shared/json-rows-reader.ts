/** A reader for JSON files whose rows sit under a benchmark-specific key (JailbreakBench's `jailbreaks`). */
import { decodeText, toRawRow, type DatasetReader } from '../../dataset/dataset-reader.js';
import { jsonReader } from '../../dataset/readers/json-reader.js';
import { AssayError } from '../../errors/index.js';

/**
 * Reads the array under `key` of a top-level object; any other shape goes to the standard JSON reader
 * (a top-level array, or `data`/`rows`/`samples`).
 * @example jsonRowsReader('jailbreaks')
 */
export function jsonRowsReader(key: string): DatasetReader {
  return {
    async read(bytes, options) {
      let value: unknown;
      try {
        value = JSON.parse(decodeText(bytes));
      } catch {
        return jsonReader.read(bytes, options); // it words the parse error
      }
      const rows = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
      if (rows === undefined) return jsonReader.read(bytes, options);
      if (!Array.isArray(rows)) {
        throw new AssayError('DATASET_INVALID', `${options.file}: "${key}" must be an array of rows.`, {
          where: { file: options.file },
          hint: `Give the file as published: an object whose "${key}" is an array.`,
        });
      }
      return rows.map((item, i) => toRawRow(item, i + 1));
    },
  };
}
