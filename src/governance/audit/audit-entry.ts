/** The shapes of audit events (what callers record), entries (what the chain stores) and checkpoints. */
import type { AuditAction, AuditOutcome } from './audit-action.js';

/** A JSON value, as stored in `details`. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The object an action touched, with its security label (AU-3, AC-16). */
export interface AuditObject {
  type: string;
  id: string;
  label: string;
}

/** What a caller records; the log adds seq, time, actor (unless given), prevHash and hash. */
export interface AuditEvent {
  action: AuditAction;
  object: AuditObject;
  outcome?: AuditOutcome;
  /** Overrides the log's default actor: a user id or `local:<os user>@<hostname>`. */
  actor?: string;
  details?: Record<string, unknown>;
}

/** The hashed part of an entry: everything except its own hash. */
export interface AuditEntryBody {
  seq: number;
  /** ISO 8601 UTC. */
  time: string;
  actor: string;
  action: AuditAction;
  object: AuditObject;
  outcome: AuditOutcome;
  details: Record<string, JsonValue>;
  /** Hash of entry seq-1, or GENESIS_HASH for seq 1. */
  prevHash: string;
}

/** One stored entry: the body and `hash` = SHA-384 (hex) of the body's canonical JSON. */
export interface AuditEntry extends AuditEntryBody {
  hash: string;
}

/** A signed statement that the chain reached `seq` with head `hash` at `time`. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  time: string;
  /** SHA-256 (hex) of the signing public key (SPKI DER). */
  keyId: string;
  /** Ed25519 signature (base64) over the canonical JSON of `{ seq, hash, time }`. */
  signature: string;
}
