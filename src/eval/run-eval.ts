/** The evaluation engine: one task × one model, run with bounded concurrency, cached, resumable. */
import { setMaxListeners } from 'node:events';
import PQueue from 'p-queue';
import { loadDataset } from '../dataset/index.js';
import type { Sample } from '../dataset/sample.js';
import { AssayError } from '../errors/index.js';
import { parseModelRef, type ModelRef } from '../model/model-ref.js';
import { createProvider } from '../providers/registry.js';
import { createScorer } from '../scorers/index.js';
import type { Scorer } from '../scorers/scorer.js';
import { createSolvers } from '../solvers/registry.js';
import { applyVariants } from '../perturb/apply-variants.js';
import type { RunRecord, RunStatus } from '../store/records.js';
import { sampleKey, type Store } from '../store/store.js';
import type { TaskSpec } from '../task/task-spec.js';
import { ASSAY_VERSION } from '../version.js';
import { ModelClient, type RoleModel } from './model-client.js';
import { splitPricing } from './pricing.js';
import { newRunId } from './run-id.js';
import { computeRunMetrics, summariseGroups, summariseMetrics, type MetricSummary, type ScorerInfo } from './run-metrics.js';
import { runSample } from './run-sample.js';
import { contentHash } from '../hashing/canonical-json.js';
import type { AuditLog } from '../governance/audit/audit-log.js';
import { recordAudit } from '../governance/audit/record-audit.js';

export interface EvalOptions {
  task: TaskSpec;
  /** Folder the task's relative paths are read from. */
  baseDir: string;
  /** Where the task came from (file path, suite name or dataset file), for the record. */
  source: string;
  model: ModelRef;
  /** Role → model overrides (take precedence over the task's `roles`). */
  roles?: Record<string, ModelRef>;
  store: Store;
  limit?: number;
  epochs?: number;
  concurrency?: number;
  cache?: boolean;
  /** Continue this run instead of starting a new one. */
  resumeRunId?: string;
  signal?: AbortSignal;
  onProgress?: (progress: EvalProgress) => void;
  /** Rows the dataset loader rejected, and other notices for the user. */
  onNotice?: (message: string) => void;
  /** Where run.start and run.finish are recorded; none when omitted (library use). */
  audit?: AuditLog;
}

export interface EvalProgress {
  runId: string;
  total: number;
  done: number;
  errored: number;
  /** Sample × epochs already done in an earlier attempt (resume). */
  skipped: number;
  liveCalls: number;
  cachedCalls: number;
}

export interface EvalResult {
  runId: string;
  status: RunStatus;
  model: string;
  task: string;
  samples: { total: number; completed: number; errored: number };
  epochs: number;
  metrics: Record<string, Record<string, MetricSummary>>;
  groups: ReturnType<typeof summariseGroups>;
  calls: { live: number; cached: number };
  rejectedRows: number;
  /** The first sample error, `CODE: message`, when the run failed. */
  error?: string;
}

/** Model refs, stored in the run so a resume needs nothing but the run id. */
interface StoredRunConfig {
  task: TaskSpec;
  baseDir: string;
  source: string;
  model: ModelRef;
  roles: Record<string, ModelRef>;
  limit?: number;
  epochs: number;
  concurrency: number;
  assayVersion: string;
  node: string;
  rejectedRows: unknown[];
}

/** Rebuilds the options of an earlier run from its record, for `--resume`. */
export function resumeOptions(run: RunRecord): Pick<EvalOptions, 'task' | 'baseDir' | 'source' | 'model' | 'roles' | 'limit' | 'epochs' | 'concurrency'> {
  const c = run.config as unknown as StoredRunConfig;
  return { task: c.task, baseDir: c.baseDir, source: c.source, model: c.model, roles: c.roles, limit: c.limit, epochs: c.epochs, concurrency: c.concurrency };
}

/** Runs an evaluation to the end (or until `signal` aborts: the run is then `interrupted` and resumable). */
export async function runEval(options: EvalOptions): Promise<EvalResult> {
  const signal = options.signal ?? new AbortController().signal;
  // Every in-flight sample and model call listens on the run's signal.
  setMaxListeners(0, signal);
  const task = options.epochs ? { ...options.task, epochs: { ...options.task.epochs, count: options.epochs } } : options.task;
  const concurrency = options.concurrency ?? 16;
  const notice = options.onNotice ?? (() => {});

  const dataset = await loadDataset(task.dataset, { baseDir: options.baseDir, signal });
  for (const r of dataset.rejected.slice(0, 20)) notice(`rejected ${dataset.path} row ${r.row}${r.line ? ` (line ${r.line})` : ''}${r.field ? ` field "${r.field}"` : ''}: ${r.reason}`);
  if (dataset.rejected.length > 20) notice(`… and ${dataset.rejected.length - 20} more rejected rows`);
  const loaded: Sample[] = options.limit ? dataset.samples.slice(0, options.limit) : dataset.samples;
  if (loaded.length === 0) {
    throw new AssayError('DATASET_INVALID', `The dataset ${dataset.path} has no usable samples.`, { hint: 'Check the field mapping (dataset.fields) and the rejected rows above.' });
  }

  const roleRefs: Record<string, ModelRef> = { ...mapValues(task.roles, (r) => parseModelRef(r)), ...options.roles, target: options.model };
  const roles = await createRoles(roleRefs, signal);
  roles.target = { ...roles.target!, config: task.config };
  const client = new ModelClient({ roles, store: options.store, maxConnections: concurrency, cache: options.cache ?? true });
  try {
    // Robustness perturbations and attack converters: originals plus variants `<id>~<name>` (src/perturb).
    const { samples, solvers } = applyVariants({ samples: loaded, solvers: await createSolvers(task.solvers, { baseDir: options.baseDir, signal }), task, hasRole: (r) => client.hasRole(r), notice });
    const scorers = uniqueNames(task.scorers.map((s) => createScorer(s)));
    const scorerInfo: ScorerInfo[] = scorers.map((s) => ({ name: s.name, kind: s.kind }));

    const runId = options.resumeRunId ?? newRunId();
    const config: StoredRunConfig = {
      task, baseDir: options.baseDir, source: options.source, model: options.model, roles: options.roles ?? {},
      limit: options.limit, epochs: task.epochs.count, concurrency, assayVersion: ASSAY_VERSION, node: process.version,
      rejectedRows: dataset.rejected,
    };
    const done = await prepareRun({ store: options.store, runId, resume: options.resumeRunId !== undefined, task, datasetHash: dataset.hash, model: options.model, config });
    await recordAudit(options.audit, { action: 'run.start', object: { type: 'run', id: runId, label: task.label }, details: { task: task.name, model: `${options.model.provider}/${options.model.model}`, source: options.source, resume: options.resumeRunId !== undefined } });

    const jobs: Array<{ sample: Sample; epoch: number }> = [];
    for (const sample of samples) {
      for (let epoch = 1; epoch <= task.epochs.count; epoch++) {
        if (!done.has(sampleKey(sample.id, epoch))) jobs.push({ sample, epoch });
      }
    }
    const progress: EvalProgress = { runId, total: samples.length * task.epochs.count, done: 0, errored: 0, skipped: samples.length * task.epochs.count - jobs.length, liveCalls: 0, cachedCalls: 0 };
    const report = () => options.onProgress?.({ ...progress, liveCalls: client.counter.live, cachedCalls: client.counter.cached });
    report();

    const queue = new PQueue({ concurrency });
    let fatal: unknown;
    for (const job of jobs) {
      void queue.add(async () => {
        if (signal.aborted || fatal) return;
        try {
          const result = await runSample({ runId, sample: job.sample, epoch: job.epoch, solvers, scorers, client, limits: task.limits, label: job.sample.label, signal });
          await options.store.saveSampleResult(result);
          progress.done++;
          if (result.status === 'error') progress.errored++;
          report();
        } catch (err) {
          if (!signal.aborted) fatal ??= err;
        }
      });
    }
    await queue.onIdle();
    if (fatal) throw fatal;

    const results = await options.store.listSampleResults(runId);
    const metrics = computeRunMetrics({ results, scorers: scorerInfo, epochs: task.epochs, metrics: task.metrics });
    await options.store.saveMetrics(runId, metrics);
    const bySample = countSamples(results, samples, task.epochs.count);
    const status: RunStatus = signal.aborted ? 'interrupted' : bySample.completed === 0 && bySample.errored > 0 ? 'failed' : 'completed';
    const result: EvalResult = {
      runId, status, model: options.model.provider + '/' + options.model.model, task: task.name,
      samples: bySample, epochs: task.epochs.count, metrics: summariseMetrics(metrics), groups: summariseGroups(metrics),
      calls: { live: client.counter.live, cached: client.counter.cached }, rejectedRows: dataset.rejected.length,
    };
    if (status === 'failed') result.error = firstError(results);
    await options.store.updateRun(runId, {
      status,
      metrics: { metrics: result.metrics, groups: result.groups, samples: result.samples },
      finishedAt: status === 'interrupted' ? undefined : new Date().toISOString(),
      error: result.error,
    });
    await recordAudit(options.audit, { action: 'run.finish', object: { type: 'run', id: runId, label: task.label }, outcome: status === 'completed' ? 'success' : 'failure', details: { status, samples: result.samples } });
    return result;
  } finally {
    await client.close();
  }
}

async function createRoles(refs: Record<string, ModelRef>, signal: AbortSignal): Promise<Record<string, RoleModel>> {
  const out: Record<string, RoleModel> = {};
  const byId = new Map<string, RoleModel['provider']>();
  for (const [role, full] of Object.entries(refs)) {
    const { ref, pricing } = splitPricing(full);
    const id = contentHash(ref);
    const provider = byId.get(id) ?? (await createProvider(ref, { signal }));
    byId.set(id, provider);
    out[role] = { provider, config: {}, pricing };
  }
  return out;
}

async function prepareRun(args: { store: Store; runId: string; resume: boolean; task: TaskSpec; datasetHash: string; model: ModelRef; config: StoredRunConfig }): Promise<Set<string>> {
  const { store, runId } = args;
  if (args.resume) {
    const run = await store.getRun(runId);
    if (!run) throw new AssayError('NOT_FOUND', `There is no run "${runId}" to resume.`, { hint: 'List runs with `assay runs`.' });
    if (run.datasetHash !== args.datasetHash) {
      throw new AssayError('DATASET_INVALID', `The dataset of run ${runId} has changed since it started; its results can't be continued.`, { hint: 'Start a new run instead of --resume.' });
    }
    await store.updateRun(runId, { status: 'running', error: undefined });
    return store.completedSampleKeys(runId);
  }
  await store.createRun({
    id: runId, task: args.task.name, taskHash: contentHash(args.task), datasetHash: args.datasetHash,
    model: `${args.model.provider}/${args.model.model}`, status: 'running', config: args.config as unknown as Record<string, unknown>,
    label: args.task.label, createdAt: new Date().toISOString(),
  });
  return new Set();
}

function countSamples(results: readonly { sampleId: string; status: string }[], samples: readonly Sample[], epochs: number) {
  const status = new Map<string, { ok: number; err: number }>();
  for (const r of results) {
    const s = status.get(r.sampleId) ?? { ok: 0, err: 0 };
    if (r.status === 'completed') s.ok++;
    else s.err++;
    status.set(r.sampleId, s);
  }
  let completed = 0;
  let errored = 0;
  for (const s of samples) {
    const st = status.get(s.id);
    if (!st) continue;
    if (st.err > 0) errored++;
    else if (st.ok >= epochs) completed++;
  }
  return { total: samples.length, completed, errored };
}

function firstError(results: readonly { error?: { code: string; message: string } }[]): string | undefined {
  const e = results.find((r) => r.error)?.error;
  return e ? `${e.code}: ${e.message}` : undefined;
}

function uniqueNames(scorers: Scorer[]): Scorer[] {
  const seen = new Map<string, number>();
  return scorers.map((s) => {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    return n === 1 ? s : { name: `${s.name}_${n}`, kind: s.kind, score: s.score.bind(s) };
  });
}

function mapValues<T, U>(obj: Record<string, T>, fn: (v: T) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, fn(v)]));
}

