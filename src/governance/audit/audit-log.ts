/** The AuditLog seam: append-only, hash-chained, with signed checkpoints (NIST SP 800-53 AU-2/3/9/10). */
import type { AuditCheckpoint, AuditEntry, AuditEvent } from './audit-entry.js';
import type { DecodedEntry } from './audit-row-codec.js';
import type { AuditVerifyResult } from './chain-verifier.js';

/** Every audit call takes it; a fired signal stops the call before it starts. */
export interface AuditCallOptions {
  signal?: AbortSignal;
}

/** An append-only audit trail; see kysely-audit-log.ts. */
export interface AuditLog {
  /** Appends one entry after the current head; concurrent appends never fork the chain. */
  append(event: AuditEvent, options?: AuditCallOptions): Promise<AuditEntry>;
  /** Every stored row in seq order, decoded; a row an edit made unreadable comes back as `ok: false`. */
  scan(options?: AuditCallOptions): AsyncIterable<DecodedEntry>;
  /** The signed checkpoints, in seq order. */
  checkpoints(options?: AuditCallOptions): Promise<AuditCheckpoint[]>;
  /** Signs the current head (or returns its existing checkpoint); undefined when the log is empty. */
  checkpoint(options?: AuditCallOptions): Promise<AuditCheckpoint | undefined>;
  /** Replays the chain and checks every checkpoint; names the first bad seq. */
  verify(options?: AuditCallOptions): Promise<AuditVerifyResult>;
}
