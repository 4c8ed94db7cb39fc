/**
 * Every column stored encrypted, so `assay keys rotate` can re-wrap each token's data key under the new master key.
 * A table that encrypts a column adds it here; `rowId` names the column whose value is the AAD row id.
 */
export interface EncryptedColumn {
  table: string;
  column: string;
  /** The primary-key column(s) whose value is the token's AAD `rowId` (joined by ':' when several). */
  rowId: readonly string[];
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'synth_items', column: 'question', rowId: ['set_id', 'id'] },
  { table: 'synth_items', column: 'answer', rowId: ['set_id', 'id'] },
];
