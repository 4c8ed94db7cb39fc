/** Kysely types of the audit tables (migration 0002), added to the Store's db with `withTables`. */

/** One audit entry; `label` is the label of the object the action touched. */
export interface AuditLogTable {
  seq: number;
  time: string;
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
  outcome: string;
  /** Canonical JSON text. */
  details: string;
  prev_hash: string;
  hash: string;
  label: string;
}

/** One signed checkpoint; `label` is the label of the log itself. */
export interface AuditCheckpointsTable {
  seq: number;
  hash: string;
  time: string;
  key_id: string;
  signature: string;
  label: string;
}

/** The audit tables as Kysely sees them (a type alias: `withTables` needs an index-compatible type). */
export type AuditTables = {
  audit_log: AuditLogTable;
  audit_checkpoints: AuditCheckpointsTable;
};
