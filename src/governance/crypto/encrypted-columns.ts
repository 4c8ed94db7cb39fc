/**
 * Every column stored encrypted, so `assay keys rotate` can re-wrap each token's data key under the new master key.
 * A table that encrypts a column adds it here; `rowId` names the column whose value is the AAD row id.
 */
import { STORE_SEALED_COLUMNS } from '../../store/sealed-fields.js';

export interface EncryptedColumn {
  table: string;
  column: string;
  /** The primary-key column(s) whose value is the token's AAD `rowId` (joined by ':' when several). */
  rowId: readonly string[];
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  // The eval store's (runs, sample_results, scores, model_calls, response_cache): STORE_SEALED_COLUMNS, which its row codec seals by.
  ...Object.entries(STORE_SEALED_COLUMNS).flatMap(([table, { rowId, columns }]) => columns.map((column) => ({ table, column, rowId }))),
  { table: 'synth_items', column: 'question', rowId: ['set_id', 'id'] },
  { table: 'synth_items', column: 'answer', rowId: ['set_id', 'id'] },
  { table: 'label_items', column: 'content', rowId: ['task_id', 'id'] },
  { table: 'label_annotations', column: 'value', rowId: ['id'] },
  { table: 'label_reviews', column: 'value', rowId: ['id'] },
  { table: 'ds_chunks', column: 'text', rowId: ['dataset', 'id'] },
  { table: 'ds_chunks', column: 'dedup_key', rowId: ['dataset', 'id'] },
  { table: 'ds_documents', column: 'properties', rowId: ['id'] },
];
