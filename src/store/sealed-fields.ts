/**
 * The eval store's columns sealed at rest (SC-28): every column that can hold model text or dataset content.
 * ENCRYPTED_COLUMNS lists them from this table, with the same row-id columns, whose values joined by ':' are the AAD
 * row id (all primary-key columns, known at insert time), so `assay keys rotate` re-wraps them like any other.
 */
import { AssayError } from '../errors/index.js';
import type { FieldCipher } from '../governance/crypto/field-cipher.js';

/** Table → its row-id columns and its sealed columns. */
export const STORE_SEALED_COLUMNS = {
  runs: { rowId: ['id'], columns: ['error'] },
  sample_results: { rowId: ['run_id', 'sample_id', 'epoch'], columns: ['sample', 'messages', 'output', 'error'] },
  scores: { rowId: ['run_id', 'sample_id', 'epoch', 'position'], columns: ['answer', 'explanation', 'metadata'] },
  model_calls: { rowId: ['run_id', 'sample_id', 'epoch', 'position'], columns: ['request', 'output', 'error'] },
  response_cache: { rowId: ['key'], columns: ['output'] },
} as const;

type SealedTable = keyof typeof STORE_SEALED_COLUMNS;
type SealedColumn<T extends SealedTable> = (typeof STORE_SEALED_COLUMNS)[T]['columns'][number];

/** Seals and opens the sealed columns of one row. */
export interface RowSealer<T extends SealedTable> {
  seal(column: SealedColumn<T>, value: string): string;
  sealOrNull(column: SealedColumn<T>, value: string | null): string | null;
  /** Opens a value; a failure names the table, column and row, keeping the cipher's code and hint. */
  open(column: SealedColumn<T>, value: string): string;
  openOrNull(column: SealedColumn<T>, value: string | null): string | null;
}

/**
 * The sealer of row `key` (its row-id column values, in STORE_SEALED_COLUMNS order) of `table`.
 * @example const s = rowSealer(cipher, 'runs', [run.id]); row.error = s.sealOrNull('error', run.error ?? null);
 */
export function rowSealer<T extends SealedTable>(cipher: FieldCipher, table: T, key: readonly (string | number)[]): RowSealer<T> {
  const rowId = key.map(String).join(':');
  const open = (column: string, value: string): string => {
    try {
      return cipher.open(value, { table, column, rowId });
    } catch (err) {
      throw placed(err, `${table}.${column}`, rowId);
    }
  };
  const seal = (column: string, value: string): string => cipher.seal(value, { table, column, rowId });
  return {
    seal,
    sealOrNull: (column, value) => (value === null ? null : seal(column, value)),
    open,
    openOrNull: (column, value) => (value === null ? null : open(column, value)),
  };
}

function placed(err: unknown, field: string, rowId: string): unknown {
  if (!(err instanceof AssayError)) return err;
  return new AssayError(err.code, `Cannot read ${field} of row ${rowId}: ${err.message}`, { hint: err.hint, where: { field }, cause: err });
}
