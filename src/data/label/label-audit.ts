/** Audit entries of the labelling work (action `annotate`; the step says which), and refusals that are audited first. */
import { AssayError } from '../../errors/index.js';
import type { AuditOutcome } from '../../governance/audit/audit-action.js';
import { recordAudit } from '../../governance/audit/record-audit.js';
import type { User } from '../../governance/identity/user.js';
import type { LabelContext } from './label-context.js';

/** What a labelling audit entry names: the step, the task or item and its label, and details. */
export interface LabelAuditEvent {
  step: 'task.create' | 'annotation' | 'import' | 'review' | 'export';
  object: { type: 'label_task' | 'label_item'; id: string; label: string };
  outcome?: AuditOutcome;
  details?: Record<string, unknown>;
}

/** Records one labelling event for `actor` when the context has an audit log. */
export async function auditLabel(ctx: LabelContext, actor: User, event: LabelAuditEvent): Promise<void> {
  await recordAudit(ctx.audit, {
    action: event.step === 'export' ? 'export' : 'annotate',
    actor: actor.id,
    object: event.object,
    outcome: event.outcome ?? 'success',
    details: { step: event.step, ...event.details },
  });
}

/** Records the refusal (outcome denied) and returns the FORBIDDEN error to throw. */
export async function deniedError(ctx: LabelContext, actor: User, event: LabelAuditEvent, message: string, hint: string): Promise<AssayError> {
  await auditLabel(ctx, actor, { ...event, outcome: 'denied', details: { ...event.details, reason: message } });
  return new AssayError('FORBIDDEN', message, { hint });
}
