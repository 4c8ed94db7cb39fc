/** The closed sets of audit actions and outcomes (AU-2 event types, AU-3 outcome). */

/** Every event type the audit log records; add new ones at the end. */
export const AUDIT_ACTIONS = [
  'login',
  'logout',
  'read',
  'export',
  'run.start',
  'run.finish',
  'report.write',
  'config.change',
  'permission.change',
  'label.change',
  'egress.blocked',
  'annotate',
  'data.ingest',
  'data.synth',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** True when `value` is one of AUDIT_ACTIONS. */
export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** How the audited action ended: done, failed, or refused by a control. */
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** True when `value` is one of AUDIT_OUTCOMES. */
export function isAuditOutcome(value: unknown): value is AuditOutcome {
  return typeof value === 'string' && (AUDIT_OUTCOMES as readonly string[]).includes(value);
}
