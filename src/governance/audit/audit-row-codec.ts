/** Audit entries and checkpoints to and from rows; the object label lives in the table's `label` column. */
import { isAuditAction, isAuditOutcome } from './audit-action.js';
import type { AuditCheckpoint, AuditEntry, JsonValue } from './audit-entry.js';
import type { AuditCheckpointsTable, AuditLogTable } from './audit-tables.js';
import { canonicalJson } from '../../hashing/canonical-json.js';

/** An entry as a row; `details` is stored as canonical JSON so the text itself is checkable. */
export function entryToRow(entry: AuditEntry): AuditLogTable {
  return {
    seq: entry.seq,
    time: entry.time,
    actor: entry.actor,
    action: entry.action,
    object_type: entry.object.type,
    object_id: entry.object.id,
    outcome: entry.outcome,
    details: canonicalJson(entry.details),
    prev_hash: entry.prevHash,
    hash: entry.hash,
    label: entry.object.label,
  };
}

/** A decoded row, or why it cannot be one (an edit that broke its form). */
export type DecodedEntry = { ok: true; entry: AuditEntry } | { ok: false; seq: number; reason: string };

/** Decodes a row; details must parse and already be canonical, so no byte of the text can change unseen. */
export function rowToEntry(row: AuditLogTable): DecodedEntry {
  const seq = Number(row.seq);
  const bad = (reason: string): DecodedEntry => ({ ok: false, seq, reason: `entry ${seq} is malformed: ${reason}` });
  if (!isAuditAction(row.action)) return bad(`unknown action "${row.action}"`);
  if (!isAuditOutcome(row.outcome)) return bad(`unknown outcome "${row.outcome}"`);
  let details: unknown;
  try {
    details = JSON.parse(row.details);
  } catch {
    return bad('details are not valid JSON');
  }
  if (details === null || typeof details !== 'object' || Array.isArray(details)) return bad('details are not a JSON object');
  if (canonicalJson(details) !== row.details) return bad('details are not in canonical form');
  return {
    ok: true,
    entry: {
      seq,
      time: row.time,
      actor: row.actor,
      action: row.action,
      object: { type: row.object_type, id: row.object_id, label: row.label },
      outcome: row.outcome,
      details: details as Record<string, JsonValue>,
      prevHash: row.prev_hash,
      hash: row.hash,
    },
  };
}

/** A checkpoint as a row, labelled with the label of the log. */
export function checkpointToRow(checkpoint: AuditCheckpoint, label: string): AuditCheckpointsTable {
  return { seq: checkpoint.seq, hash: checkpoint.hash, time: checkpoint.time, key_id: checkpoint.keyId, signature: checkpoint.signature, label };
}

/** A checkpoint from its row. */
export function rowToCheckpoint(row: AuditCheckpointsTable): AuditCheckpoint {
  return { seq: Number(row.seq), hash: row.hash, time: row.time, keyId: row.key_id, signature: row.signature };
}

/** The exact bytes a checkpoint signature covers: canonical JSON of `{ seq, hash, time }`. */
export function checkpointPayload(checkpoint: Pick<AuditCheckpoint, 'seq' | 'hash' | 'time'>): string {
  return canonicalJson({ seq: checkpoint.seq, hash: checkpoint.hash, time: checkpoint.time });
}
