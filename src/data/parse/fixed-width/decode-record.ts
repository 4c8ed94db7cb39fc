/** One record to one table row: each field decoded, problems (a short record, a bad nibble) collected, never thrown. */
import { decodeField } from './decode-field.js';
import type { FixedWidthField, RecordEncoding } from './schema.js';

/** The row's cells (field order) and what went wrong, one line per problem. */
export interface RecordRow {
  cells: string[];
  problems: string[];
}

/** Options for `decodeRecord`. */
export interface DecodeRecordOptions {
  encoding: RecordEncoding;
  /** The fixed record length, when there is one: a record shorter than it is reported even if its fields fit. */
  recordLength?: number | undefined;
}

/**
 * Decodes every field; a field that does not fit in the record, or cannot be decoded, is left empty and reported
 * by name.
 * @example decodeRecord(bytes, fields, { encoding: 'ascii' }) // { cells: ['0001', 'Ann'], problems: [] }
 */
export function decodeRecord(record: Uint8Array, fields: readonly FixedWidthField[], options: DecodeRecordOptions): RecordRow {
  const cells: string[] = [];
  const problems: string[] = [];
  const missing: string[] = [];
  for (const field of fields) {
    const from = field.start - 1;
    const to = from + field.length;
    if (to > record.length) {
      missing.push(field.name);
      cells.push('');
      continue;
    }
    const value = decodeField(record.subarray(from, to), field, options.encoding);
    cells.push(value.ok ? value.value : '');
    if (!value.ok) problems.push(`field "${field.name}": ${value.problem} (left empty)`);
  }
  const needed = options.recordLength ?? Math.max(...fields.map((f) => f.start + f.length - 1));
  if (record.length < needed) {
    const names = missing.length ? `; missing ${missing.map((m) => `field "${m}"`).join(', ')} (left empty)` : '';
    problems.unshift(`short record (${record.length} of ${needed} bytes)${names}`);
  }
  return { cells, problems };
}
