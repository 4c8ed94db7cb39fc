/**
 * Mandatory access control over runs (AC-3, AC-4, AC-16): every face reads runs through these functions, never the
 * Store directly, so the CLI, API, UI, exports and reports obey the same no-read-up rule.
 */
import type { MetricRecord, RunRecord, SampleResultRecord } from '../../../store/records.js';
import type { Store } from '../../../store/store.js';
import type { AuditLog } from '../../audit/audit-log.js';
import { recordAudit } from '../../audit/record-audit.js';
import type { User } from '../../identity/user.js';
import { canRead } from '../can-read.js';
import { requireRole } from '../require-role.js';
import { canReadAll, effectiveLabel, runLabelInputs } from './run-labels.js';
import { runNotFound } from './run-not-found.js';

/** A run as a viewer sees it: `label` is the effective label (roll-up of run and sample labels). */
export interface LabelledRun extends RunRecord {
  /** The label stored on the run row (the task's label). */
  declaredLabel: string;
}

/** A readable run with its content. */
export interface RunContent {
  run: LabelledRun;
  results: SampleResultRecord[];
  metrics: MetricRecord[];
}

/** Options of every run read: where to audit, and which verb is reading (recorded in the audit details). */
export interface RunAccessOptions {
  audit?: AuditLog;
  signal?: AbortSignal;
  /** `show`, `report`, `compare`, `export`, `resume`…; default `read`. */
  verb?: string;
}

const labelled = (run: RunRecord, label: string): LabelledRun => ({ ...run, declaredLabel: run.label, label });

/**
 * The runs `viewer` may read, newest first, at most `limit` of them. Runs above the viewer's clearance are left out
 * before the limit is applied, so the length of the answer says nothing about them. One `read` entry is audited.
 * @example const runs = await listRunsFor(me, store, { limit: 50, audit });
 */
export async function listRunsFor(viewer: User, store: Store, options: RunAccessOptions & { limit?: number } = {}): Promise<LabelledRun[]> {
  requireRole(viewer, 'read');
  const all = await store.listRuns({}, { signal: options.signal });
  const inputs = await runLabelInputs(store, all, { signal: options.signal });
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const visible: LabelledRun[] = [];
  for (const run of all) {
    if (visible.length >= limit) break;
    const parts = inputs.get(run.id) ?? [run.label];
    if (canReadAll(viewer, parts)) visible.push(labelled(run, effectiveLabel(parts)));
  }
  await recordAudit(options.audit, {
    action: 'read',
    actor: viewer.id,
    object: { type: 'run', id: '*', label: effectiveLabel(visible.length ? visible.map((r) => r.label) : ['UNCLASSIFIED']) },
    details: { verb: options.verb ?? 'list', count: visible.length },
  }, { signal: options.signal });
  return visible;
}

/**
 * One run, if `viewer` may read it; otherwise the same NOT_FOUND as a run that does not exist. Audited as `read`
 * (success, denied, or failure for a missing id).
 * @example const run = await getRunFor(me, store, 'r-123', { audit, verb: 'show' });
 */
export async function getRunFor(viewer: User, store: Store, runId: string, options: RunAccessOptions = {}): Promise<LabelledRun> {
  requireRole(viewer, 'read');
  const run = await store.getRun(runId, { signal: options.signal });
  const parts = run ? ((await runLabelInputs(store, [run], { signal: options.signal })).get(run.id) ?? [run.label]) : [];
  return decide(viewer, runId, run, parts, 'read', options);
}

/**
 * A run with its sample results and metrics, if `viewer` may read it (NOT_FOUND otherwise, as for a missing id).
 * The label is computed from the very rows returned, so a sample saved meanwhile cannot slip in unlabelled.
 * `action: 'export'` also needs a role that may export (FORBIDDEN, asked before any lookup) and is audited as `export`.
 * @example const { run, results, metrics } = await readRunFor(me, store, id, { verb: 'report', audit });
 */
export async function readRunFor(viewer: User, store: Store, runId: string, options: RunAccessOptions & { action?: 'read' | 'export' } = {}): Promise<RunContent> {
  const action = options.action ?? 'read';
  requireRole(viewer, 'read');
  requireRole(viewer, action);
  const signal = { signal: options.signal };
  const run = await store.getRun(runId, signal);
  const [results, metrics] = run ? await Promise.all([store.listSampleResults(runId, signal), store.listMetrics(runId, signal)]) : [[], []];
  const parts = run ? [...new Set([run.label, ...results.map((r) => r.label)])] : [];
  const seen = await decide(viewer, runId, run, parts, action, options);
  // Whole-run visibility means every sample is readable; the filter is a second line of defence.
  return { run: seen, results: results.filter((r) => canRead(viewer, r.label)), metrics };
}

async function decide(viewer: User, runId: string, run: RunRecord | undefined, parts: string[], action: 'read' | 'export', options: RunAccessOptions): Promise<LabelledRun> {
  const verb = options.verb ?? action;
  if (!run) {
    await recordAudit(options.audit, { action, actor: viewer.id, outcome: 'failure', object: { type: 'run', id: runId, label: 'UNCLASSIFIED' }, details: { verb, reason: 'no such run' } }, { signal: options.signal });
    throw runNotFound(runId);
  }
  const label = effectiveLabel(parts);
  if (!canReadAll(viewer, parts)) {
    // The denial is recorded for the auditor; the viewer gets exactly the answer for a missing run.
    await recordAudit(options.audit, { action, actor: viewer.id, outcome: 'denied', object: { type: 'run', id: runId, label }, details: { verb, reason: `clearance ${viewer.clearance} does not dominate ${label}` } }, { signal: options.signal });
    throw runNotFound(runId);
  }
  await recordAudit(options.audit, { action, actor: viewer.id, outcome: 'success', object: { type: 'run', id: runId, label }, details: { verb } }, { signal: options.signal });
  return labelled(run, label);
}
