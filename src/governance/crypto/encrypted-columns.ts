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
  { table: 'runs', column: 'error', rowId: ['id'] },
  { table: 'sample_results', column: 'sample', rowId: ['run_id', 'sample_id', 'epoch'] },
  { table: 'sample_results', column: 'messages', rowId: ['run_id', 'sample_id', 'epoch'] },
  { table: 'sample_results', column: 'output', rowId: ['run_id', 'sample_id', 'epoch'] },
  { table: 'sample_results', column: 'error', rowId: ['run_id', 'sample_id', 'epoch'] },
  { table: 'scores', column: 'answer', rowId: ['run_id', 'sample_id', 'epoch', 'position'] },
  { table: 'scores', column: 'explanation', rowId: ['run_id', 'sample_id', 'epoch', 'position'] },
  { table: 'scores', column: 'metadata', rowId: ['run_id', 'sample_id', 'epoch', 'position'] },
  { table: 'model_calls', column: 'request', rowId: ['run_id', 'sample_id', 'epoch', 'position'] },
  { table: 'model_calls', column: 'output', rowId: ['run_id', 'sample_id', 'epoch', 'position'] },
  { table: 'model_calls', column: 'error', rowId: ['run_id', 'sample_id', 'epoch', 'position'] },
  { table: 'response_cache', column: 'output', rowId: ['key'] },
  { table: 'synth_items', column: 'question', rowId: ['set_id', 'id'] },
  { table: 'synth_items', column: 'answer', rowId: ['set_id', 'id'] },
  { table: 'label_items', column: 'content', rowId: ['task_id', 'id'] },
  { table: 'label_annotations', column: 'value', rowId: ['id'] },
  { table: 'label_reviews', column: 'value', rowId: ['id'] },
  { table: 'ds_chunks', column: 'text', rowId: ['dataset', 'id'] },
  { table: 'ds_chunks', column: 'dedup_key', rowId: ['dataset', 'id'] },
  { table: 'ds_documents', column: 'properties', rowId: ['id'] },
];
