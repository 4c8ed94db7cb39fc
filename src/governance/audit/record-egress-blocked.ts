/** Records a refused outbound connection: for the egress guard (and anything else that blocks a host). */
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import type { AuditEntry } from './audit-entry.js';
import type { AuditCallOptions, AuditLog } from './audit-log.js';
import { recordAudit } from './record-audit.js';

/** What was refused: the host, and where known the port, protocol and the caller that tried. */
export interface BlockedEgress {
  host: string;
  port?: number;
  /** e.g. `tcp`, `tls`, `dns`, `fetch`. */
  protocol?: string;
  /** What tried to connect (a provider id, a module). */
  caller?: string;
  reason?: string;
}

/**
 * Appends an `egress.blocked` entry with outcome `denied`; a no-op without an audit log.
 * @example
 * await recordEgressBlocked(audit, { host: 'api.example.com', port: 443, protocol: 'tls', reason: 'not loopback' });
 */
export async function recordEgressBlocked(audit: AuditLog | undefined, egress: BlockedEgress, options?: AuditCallOptions): Promise<AuditEntry | undefined> {
  const { host, ...details } = egress;
  const id = egress.port === undefined ? host : `${host}:${egress.port}`;
  return recordAudit(audit, { action: 'egress.blocked', outcome: 'denied', object: { type: 'host', id, label: DEFAULT_LABEL }, details }, options);
}
