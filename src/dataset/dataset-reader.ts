/** The reader seam: one implementation per file format turns file bytes into raw rows. */

/** One row as read from the file, before field mapping: a record, or why it could not be read. */
export type RawRow = { row: number; line?: number } & (
  | { ok: true; record: Record<string, unknown> }
  | { ok: false; reason: string }
);

/** A row left out of the dataset, and why. `row` is 1-based; `line` is the file line where it starts. */
export interface RejectedRow {
  row: number;
  line?: number;
  field?: string;
  reason: string;
}

export interface ReadOptions {
  /** The file's path, for error messages. */
  file: string;
  signal?: AbortSignal;
}

/** Reads one file format. Throws AssayError DATASET_INVALID when the file as a whole cannot be read. */
export interface DatasetReader {
  /** Parses the file's bytes into rows, in file order, numbered from 1. */
  read(bytes: Uint8Array, options: ReadOptions): Promise<RawRow[]>;
}

/** Decodes UTF-8, dropping a byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** Wraps top-level rows: each must be an object. */
export function toRawRow(value: unknown, row: number, line?: number): RawRow {
  const base = line === undefined ? { row } : { row, line };
  if (isRecord(value)) return { ...base, ok: true, record: value };
  return { ...base, ok: false, reason: `expected an object, got ${describe(value)}` };
}

/** Names a value's type for messages: `string`, `array`, `null`, … */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
