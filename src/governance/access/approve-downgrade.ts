/** Two-person downgrade, step two: a different, cleared approver with admin or a designated role signs it off. */
import { dominates } from '../../markings/index.js';
import type { AuditEvent } from '../audit/audit-entry.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Role } from '../identity/roles.js';
import type { User } from '../identity/user.js';
import { canRead } from './can-read.js';
import type { DowngradeOptions, DowngradeRequest } from './downgrade-request.js';
import { PERMISSIONS } from './permissions.js';

/** An approved downgrade: the object may now carry `label`. */
export interface DowngradeApproval {
  request: DowngradeRequest;
  approvedBy: string;
  /** ISO 8601 UTC. */
  approvedAt: string;
  label: string;
}

/** Options of the approval: roles designated as approvers beside admin, and the object's label now. */
export interface ApproveOptions extends DowngradeOptions {
  /** Roles that may approve besides those in PERMISSIONS['label.downgrade.approve'] (e.g. an ISSO's auditor role). */
  designatedRoles?: readonly Role[];
  /** The object's current label; a request made against another label is stale and refused. */
  currentLabel?: string;
}

/** Approved, or refused with the reason; either way the audit-ready event. */
export type ApproveDowngradeResult =
  | { allowed: true; reason: string; approval: DowngradeApproval; event: AuditEvent }
  | { allowed: false; reason: string; event: AuditEvent };

function refusal(by: User, request: DowngradeRequest, options: ApproveOptions): string | undefined {
  if (by.disabled) return `approver ${by.id} is disabled`;
  if (!dominates(request.fromLabel, request.toLabel) || dominates(request.toLabel, request.fromLabel)) return `${request.toLabel} is not lower than ${request.fromLabel}`;
  if (by.id === request.requestedBy) return `two-person rule: ${by.id} requested this downgrade and cannot approve it`;
  const roles: readonly Role[] = [...PERMISSIONS['label.downgrade.approve'], ...(options.designatedRoles ?? [])];
  if (!by.roles.some((r) => roles.includes(r))) return `approver ${by.id} holds none of the approver roles (${roles.join(', ')})`;
  if (!canRead(by, request.fromLabel)) return `approver ${by.id} (cleared ${by.clearance}) is not cleared for ${request.fromLabel}`;
  const now = options.currentLabel;
  if (now !== undefined && !(dominates(now, request.fromLabel) && dominates(request.fromLabel, now))) {
    return `stale request: the object is now labelled ${now}, not ${request.fromLabel}`;
  }
  return undefined;
}

/**
 * Approves a downgrade request. Refused when the approver is the requester, disabled, holds neither admin nor a
 * designated role, or is not cleared for the current label. Records the step when given a log.
 * @example const a = await approveDowngrade(isso, r.request, { designatedRoles: ['auditor'], audit });
 */
export async function approveDowngrade(by: User, request: DowngradeRequest, options: ApproveOptions = {}): Promise<ApproveDowngradeResult> {
  const why = refusal(by, request, options);
  const reason = why ?? `${by.id} approves ${request.requestedBy}'s request ${request.fromLabel} → ${request.toLabel}`;
  const event: AuditEvent = {
    action: 'label.change',
    actor: by.id,
    object: { ...request.object, label: request.fromLabel },
    outcome: why === undefined ? 'success' : 'denied',
    details: { step: 'downgrade.approve', requestId: request.id, from: request.fromLabel, to: request.toLabel, requestedBy: request.requestedBy, approvedBy: by.id, justification: request.justification, reason },
  };
  await recordAudit(options.audit, event, { signal: options.signal });
  if (why !== undefined) return { allowed: false, reason, event };
  const approvedAt = (options.now ?? (() => new Date()))().toISOString();
  return { allowed: true, reason, approval: { request, approvedBy: by.id, approvedAt, label: request.toLabel }, event };
}
