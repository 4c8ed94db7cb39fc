/** Reads the columns of one benchmark record, or says which column is unusable and why. */
import { describe } from '../../dataset/dataset-reader.js';

/** A column's value, or the failure a transform returns as its rejected row. */
export type Field<T> = { ok: true; value: T } | { ok: false; field: string; reason: string };

/** A failed field: `field` is the column at fault. */
export function fail(field: string, reason: string): { ok: false; field: string; reason: string } {
  return { ok: false, field, reason };
}

/** A non-blank string column (a number is read as its decimal text). */
export function text(record: Record<string, unknown>, field: string): Field<string> {
  const value = record[field];
  if (value === undefined || value === null) return fail(field, `${field} is missing`);
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value: String(value) };
  if (typeof value !== 'string') return fail(field, `${field} must be text, got ${describe(value)}`);
  if (value.trim() === '') return fail(field, `${field} is empty`);
  return { ok: true, value };
}

/** A string column that may be blank or absent: undefined then. */
export function optionalText(record: Record<string, unknown>, field: string): string | undefined {
  const value = record[field];
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A string column that must be one of `allowed`. */
export function oneOf<const T extends string>(record: Record<string, unknown>, field: string, allowed: readonly T[]): Field<T> {
  const got = text(record, field);
  if (!got.ok) return got;
  const value = got.value.trim();
  if ((allowed as readonly string[]).includes(value)) return { ok: true, value: value as T };
  return fail(field, `${field} is ${JSON.stringify(value)}, expected one of ${allowed.join(', ')}`);
}
