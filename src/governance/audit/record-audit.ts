/** One call for code that may or may not have an audit log: records the event when it has one. */
import type { AuditEntry, AuditEvent } from './audit-entry.js';
import type { AuditCallOptions, AuditLog } from './audit-log.js';

/**
 * Appends `event` to `audit`, or does nothing when `audit` is undefined (library use without a log).
 * Failures propagate: an action that cannot be audited must not pass silently (AU-5).
 * @example
 * await recordAudit(options.audit, { action: 'run.start', object: { type: 'run', id: runId, label } });
 */
export async function recordAudit(audit: AuditLog | undefined, event: AuditEvent, options?: AuditCallOptions): Promise<AuditEntry | undefined> {
  return audit?.append(event, options);
}
