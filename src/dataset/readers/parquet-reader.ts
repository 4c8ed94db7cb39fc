/** Parquet, read with hyparquet; 64-bit integers become numbers when safe, strings otherwise. */
import { parquetReadObjects } from 'hyparquet';
import { AssayError } from '../../errors/index.js';
import { toRawRow, type DatasetReader } from '../dataset-reader.js';

export const parquetReader: DatasetReader = {
  async read(bytes, { file }) {
    // hyparquet reads from anything with byteLength + slice; an exact-size ArrayBuffer is one.
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    let objects: Record<string, unknown>[];
    try {
      objects = await parquetReadObjects({ file: buffer, rowFormat: 'object' });
    } catch (err) {
      throw new AssayError('DATASET_INVALID', `${file}: not a readable Parquet file: ${(err as Error).message}`, {
        where: { file },
        cause: err,
      });
    }
    return objects.map((obj, i) => toRawRow(normalise(obj), i + 1));
  },
};

/** Makes values JSON-safe: bigint → number or string, recursively. */
function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (Array.isArray(value)) return value.map(normalise);
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  }
  return value;
}
