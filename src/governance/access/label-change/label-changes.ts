/**
 * Two-person label downgrades, persisted (AC-16, AU-10): one user requests, a different cleared approver approves
 * or rejects; approval relabels the object in the same transaction; every step is audited as `label.change`.
 */
import type { Kysely, Selectable } from 'kysely';
import { AssayError } from '../../../errors/index.js';
import { KyselyStore } from '../../../store/kysely-store.js';
import type { Database } from '../../../store/schema.js';
import type { Store } from '../../../store/store.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { User } from '../../identity/user.js';
import { approveDowngrade } from '../approve-downgrade.js';
import { canRead } from '../can-read.js';
import { requestDowngrade, type DowngradeRequest } from '../downgrade-request.js';
import { requireRole } from '../require-role.js';
import { runNotFound } from '../runs/run-not-found.js';
import type { LabelChangeRequestsTable, LabelChangeStatus, LabelChangeTables } from './label-change-tables.js';
import { isLabelledObjectName, LABELLED_OBJECTS, type LabelledObjectName } from './labelled-objects.js';

/** A stored request, as listed and returned. */
export interface LabelChangeRequest {
  id: string;
  objectType: string;
  objectId: string;
  fromLabel: string;
  toLabel: string;
  reason: string;
  requestedBy: string;
  requestedAt: string;
  /** The reviewer who approved or rejected it. */
  approvedBy: string | null;
  approvedAt: string | null;
  status: LabelChangeStatus;
}

/** Options of every step. */
export interface LabelChangeOptions {
  audit?: AuditLog;
  signal?: AbortSignal;
  now?: () => Date;
}

type Db = Kysely<Database & LabelChangeTables>;

function dbOf(store: Store): Db {
  if (!(store instanceof KyselyStore)) throw new AssayError('INTERNAL', 'Label changes need a SQL store (SQLite or PostgreSQL).', { hint: 'Open the store with openStore().' });
  return store.db.withTables<LabelChangeTables>();
}

const toRequest = (r: Selectable<LabelChangeRequestsTable>): LabelChangeRequest => ({
  id: r.id, objectType: r.object_type, objectId: r.object_id, fromLabel: r.from_label, toLabel: r.to_label, reason: r.reason,
  requestedBy: r.requested_by, requestedAt: r.requested_at, approvedBy: r.approved_by, approvedAt: r.approved_at, status: r.status as LabelChangeStatus,
});

/** The error for an object that is missing or above the user's clearance: the same either way. */
function objectNotFound(type: LabelledObjectName, id: string): AssayError {
  if (type === 'run') return runNotFound(id);
  return new AssayError('NOT_FOUND', `There is no ${type.replace('_', ' ')} "${id}".`, { hint: 'Check the id.' });
}

function requestNotFound(id: string): AssayError {
  return new AssayError('NOT_FOUND', `There is no label change request "${id}".`, { hint: 'List requests with `assay downgrade list`.' });
}

/**
 * Step one: `by` asks to lower `type`/`id` to `toLabel`. FORBIDDEN without a requesting role (before any lookup);
 * NOT_FOUND, as for a missing id, when `by` is not cleared for the object; USAGE when `toLabel` is not strictly lower.
 * @example const r = await requestLabelChange(ann, store, { type: 'run', id, toLabel: 'SECRET', reason: 'sanitised' }, { audit });
 */
export async function requestLabelChange(
  by: User,
  store: Store,
  input: { type: string; id: string; toLabel: string; reason: string },
  options: LabelChangeOptions = {},
): Promise<LabelChangeRequest> {
  requireRole(by, 'label.downgrade.request');
  if (!isLabelledObjectName(input.type)) {
    throw new AssayError('USAGE', `Unknown object type "${input.type}".`, { hint: `Use one of: ${Object.keys(LABELLED_OBJECTS).join(', ')}.` });
  }
  if (input.reason.trim() === '') throw new AssayError('USAGE', 'A label change needs a reason.', { hint: 'Pass --reason "<why the lower label is right>".' });
  const db = dbOf(store);
  const current = await LABELLED_OBJECTS[input.type].currentLabel(db, input.id);
  if (current === undefined || !canRead(by, current)) {
    // For the auditor: who tried to relabel what (the true label); the user gets the answer for a missing object.
    await recordAudit(options.audit, {
      action: 'label.change', actor: by.id, outcome: current === undefined ? 'failure' : 'denied',
      object: { type: input.type, id: input.id, label: current ?? 'UNCLASSIFIED' }, details: { step: 'downgrade.request', to: input.toLabel, reason: current === undefined ? 'no such object' : `clearance ${by.clearance} does not dominate ${current}` },
    }, { signal: options.signal });
    throw objectNotFound(input.type, input.id);
  }
  const r = await requestDowngrade(by, { type: input.type, id: input.id, label: current }, input.toLabel, { ...options, justification: input.reason });
  if (!r.allowed) throw new AssayError('USAGE', `Cannot request this label change: ${r.reason}.`, { hint: 'Ask for a valid marking strictly lower than the current label.' });
  await db.insertInto('label_change_requests').values(toRow(r.request)).execute();
  return toRequest({ ...toRow(r.request), label: r.request.fromLabel });
}

function toRow(q: DowngradeRequest) {
  return {
    id: q.id, object_type: q.object.type, object_id: q.object.id, from_label: q.fromLabel, to_label: q.toLabel, reason: q.justification,
    requested_by: q.requestedBy, requested_at: q.requestedAt, approved_by: null, approved_at: null, status: 'pending', label: q.fromLabel,
  };
}

async function loadPending(by: User, db: Db, id: string): Promise<LabelChangeRequest> {
  const row = await db.selectFrom('label_change_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || !canRead(by, row.from_label)) throw requestNotFound(id);
  const request = toRequest(row);
  if (request.status !== 'pending') throw new AssayError('USAGE', `Label change request ${id} is already ${request.status}.`, { hint: 'Only pending requests can be approved or rejected.' });
  return request;
}

const asDowngrade = (q: LabelChangeRequest): DowngradeRequest => ({
  id: q.id, object: { type: q.objectType, id: q.objectId, label: q.fromLabel }, fromLabel: q.fromLabel, toLabel: q.toLabel,
  requestedBy: q.requestedBy, requestedAt: q.requestedAt, justification: q.reason,
});

/**
 * Step two: a different user with `label.downgrade.approve`, cleared for the from-label, approves; the object is
 * relabelled and the request closed in one transaction. FORBIDDEN (with the reason) when the two-person rule or the
 * clearance refuses; NOT_FOUND when the request is unknown or above the approver's clearance.
 * @example await approveLabelChange(isso, store, requestId, { audit });
 */
export async function approveLabelChange(by: User, store: Store, requestId: string, options: LabelChangeOptions = {}): Promise<LabelChangeRequest> {
  requireRole(by, 'label.downgrade.approve');
  const db = dbOf(store);
  const request = await loadPending(by, db, requestId);
  const type = request.objectType;
  if (!isLabelledObjectName(type)) throw new AssayError('INTERNAL', `Request ${requestId} names an unknown object type "${type}".`, { hint: 'Reject it.' });
  const currentLabel = await LABELLED_OBJECTS[type].currentLabel(db, request.objectId);
  if (currentLabel === undefined || !canRead(by, currentLabel)) throw objectNotFound(type, request.objectId);
  const a = await approveDowngrade(by, asDowngrade(request), { ...options, currentLabel });
  if (!a.allowed) throw new AssayError('FORBIDDEN', `Cannot approve: ${a.reason}.`, { hint: 'A different user with an approver role, cleared for the current label, must approve.' });
  const closed = await db.transaction().execute(async (trx) => {
    const u = await trx.updateTable('label_change_requests').set({ status: 'approved', approved_by: by.id, approved_at: a.approval.approvedAt })
      .where('id', '=', requestId).where('status', '=', 'pending').executeTakeFirst();
    if (Number(u.numUpdatedRows) === 0) return false;
    if (!(await LABELLED_OBJECTS[type].applyLabel(trx as unknown as Kysely<Database>, request.objectId, request.toLabel))) throw objectNotFound(type, request.objectId);
    return true;
  });
  if (!closed) throw new AssayError('USAGE', `Label change request ${requestId} was decided meanwhile.`, { hint: 'List requests with `assay downgrade list`.' });
  return { ...request, status: 'approved', approvedBy: by.id, approvedAt: a.approval.approvedAt };
}

/**
 * Rejects a pending request: an approver, or the requester withdrawing it. Audited as `label.change`.
 * @example await rejectLabelChange(isso, store, requestId, { audit });
 */
export async function rejectLabelChange(by: User, store: Store, requestId: string, options: LabelChangeOptions = {}): Promise<LabelChangeRequest> {
  const db = dbOf(store);
  const request = await loadPending(by, db, requestId);
  if (request.requestedBy !== by.id) requireRole(by, 'label.downgrade.approve');
  const at = (options.now ?? (() => new Date()))().toISOString();
  const u = await db.updateTable('label_change_requests').set({ status: 'rejected', approved_by: by.id, approved_at: at }).where('id', '=', requestId).where('status', '=', 'pending').executeTakeFirst();
  if (Number(u.numUpdatedRows) === 0) throw new AssayError('USAGE', `Label change request ${requestId} was decided meanwhile.`, { hint: 'List requests with `assay downgrade list`.' });
  await recordAudit(options.audit, {
    action: 'label.change', actor: by.id, outcome: 'success', object: { type: request.objectType, id: request.objectId, label: request.fromLabel },
    details: { step: 'downgrade.reject', requestId, from: request.fromLabel, to: request.toLabel, requestedBy: request.requestedBy, rejectedBy: by.id },
  }, { signal: options.signal });
  return { ...request, status: 'rejected', approvedBy: by.id, approvedAt: at };
}

/**
 * The requests `by` is cleared to see (their from-label), newest first; optionally only one status.
 * @example const pending = await listLabelChanges(isso, store, { status: 'pending' });
 */
export async function listLabelChanges(by: User, store: Store, filter: { status?: LabelChangeStatus } = {}): Promise<LabelChangeRequest[]> {
  requireRole(by, 'read');
  let q = dbOf(store).selectFrom('label_change_requests').selectAll().orderBy('requested_at', 'desc').orderBy('id');
  if (filter.status) q = q.where('status', '=', filter.status);
  return (await q.execute()).filter((r) => canRead(by, r.from_label)).map(toRequest);
}
