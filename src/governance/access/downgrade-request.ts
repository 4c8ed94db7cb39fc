/** Two-person downgrade, step one: a cleared, entitled user asks to lower an object's label (AC-16, AU-10). */
import { randomUUID } from 'node:crypto';
import { dominates, parseMarking, renderMarking } from '../../markings/index.js';
import type { AuditEvent, AuditObject } from '../audit/audit-entry.js';
import type { AuditLog } from '../audit/audit-log.js';
import { recordAudit } from '../audit/record-audit.js';
import type { User } from '../identity/user.js';
import { authorize } from './authorize.js';

/** A pending request to relabel `object` from `fromLabel` down to `toLabel`. */
export interface DowngradeRequest {
  id: string;
  object: AuditObject;
  fromLabel: string;
  toLabel: string;
  requestedBy: string;
  /** ISO 8601 UTC. */
  requestedAt: string;
  justification: string;
}

/** Options of both downgrade steps: the audit log to record in (none: nothing is recorded), a clock, a signal. */
export interface DowngradeOptions {
  audit?: AuditLog;
  signal?: AbortSignal;
  now?: () => Date;
}

/** Allowed with the request, or refused with the reason; either way the audit-ready event. */
export type DowngradeRequestResult =
  | { allowed: true; reason: string; request: DowngradeRequest; event: AuditEvent }
  | { allowed: false; reason: string; event: AuditEvent };

/** The new label in banner form, or null when it is not a valid marking. */
export function canonicalLabel(text: string): string | null {
  const r = parseMarking(text.trim(), { form: 'any' });
  return r.valid && r.marking ? renderMarking(r.marking, 'banner') : null;
}

function decide(by: User, object: AuditObject, newLabel: string): { allowed: boolean; reason: string; toLabel?: string } {
  const base = authorize(by, 'label.downgrade.request', object.label);
  if (!base.allowed) return base;
  const toLabel = canonicalLabel(newLabel);
  if (toLabel === null) return { allowed: false, reason: `the new label "${newLabel}" is not a valid marking` };
  if (!dominates(object.label, toLabel) || dominates(toLabel, object.label)) {
    return { allowed: false, reason: `${toLabel} is not lower than ${object.label}; only a strictly lower label needs this review` };
  }
  return { allowed: true, reason: `${by.id} requests ${object.label} → ${toLabel}`, toLabel };
}

/**
 * Opens a downgrade request. Refused unless `by` is enabled, holds a role allowed to request downgrades, is
 * cleared for the current label, and `newLabel` is valid and strictly lower. Records the step when given a log.
 * @example const r = await requestDowngrade(analyst, { type: 'report', id: 'r1', label: 'SECRET//NOFORN' }, 'UNCLASSIFIED', { justification: 'sanitised' });
 */
export async function requestDowngrade(
  by: User,
  object: AuditObject,
  newLabel: string,
  options: DowngradeOptions & { justification?: string } = {},
): Promise<DowngradeRequestResult> {
  const d = decide(by, object, newLabel);
  const justification = options.justification ?? '';
  const requestId = randomUUID();
  const event: AuditEvent = {
    action: 'label.change',
    actor: by.id,
    object: { ...object },
    outcome: d.allowed ? 'success' : 'denied',
    details: { step: 'downgrade.request', requestId, from: object.label, to: d.toLabel ?? newLabel, justification, reason: d.reason },
  };
  await recordAudit(options.audit, event, { signal: options.signal });
  if (!d.allowed || d.toLabel === undefined) return { allowed: false, reason: d.reason, event };
  const requestedAt = (options.now ?? (() => new Date()))().toISOString();
  const request: DowngradeRequest = { id: requestId, object: { ...object }, fromLabel: object.label, toLabel: d.toLabel, requestedBy: by.id, requestedAt, justification };
  return { allowed: true, reason: d.reason, request, event };
}
