/** The documented, stable shape of `--format json` reports, and its builder. */
import type { ChatMessage } from '../../model/types.js';
import type { MetricRecord, RunRecord, SampleResultRecord } from '../../store/records.js';
import type { ReportData } from '../report-data.js';
import { sampleCounts, sortedResults, type SampleCounts } from '../report-view.js';

/** Bumped when a field is removed or changes meaning; adding fields keeps the version. */
export const JSON_REPORT_VERSION = 1;

/** One metric, as `--output json` prints it. */
export interface JsonMetric {
  value: number | null;
  stderr: number | null;
  ci: [number, number] | null;
  n: number;
}

/** One group's metric: `key` is the metadata key, `group` its value. */
export interface JsonGroupMetric extends JsonMetric {
  scorer: string;
  metric: string;
  key: string;
  group: string;
}

/** A model call without its request (the transcript already holds the messages). */
export interface JsonCall {
  role: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  cost: number;
  cached: boolean;
  output: string | null;
  error: string | null;
  createdAt: string;
}

/** One sample × epoch. */
export interface JsonSample {
  id: string;
  epoch: number;
  status: SampleResultRecord['status'];
  label: string;
  target: string | string[];
  metadata: Record<string, unknown>;
  /** Keyed by scorer name. */
  scores: Record<string, { value: number; answer: string | null; explanation: string }>;
  output: string | null;
  error: { code: string; message: string } | null;
  messages: ChatMessage[];
  calls: JsonCall[];
  startedAt: string;
  completedAt: string;
}

/** The whole report. Keys of `metrics` are scorer names, then metric names (`accuracy`, `mean`). */
export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  generatedAt?: string;
  run: Pick<RunRecord, 'id' | 'task' | 'taskHash' | 'datasetHash' | 'model' | 'status' | 'label' | 'config' | 'createdAt'> & {
    finishedAt: string | null;
    error: string | null;
    counts: SampleCounts;
  };
  metrics: Record<string, Record<string, JsonMetric>>;
  groups: JsonGroupMetric[];
  samples: JsonSample[];
}

/** Builds the JSON report object; samples ordered by id, then epoch. */
export function buildJsonReport(data: ReportData): JsonReport {
  const { run } = data;
  return {
    version: JSON_REPORT_VERSION,
    ...(data.generatedAt === undefined ? {} : { generatedAt: data.generatedAt }),
    run: {
      id: run.id,
      task: run.task,
      taskHash: run.taskHash,
      datasetHash: run.datasetHash,
      model: run.model,
      status: run.status,
      label: run.label,
      config: run.config,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt ?? null,
      error: run.error ?? null,
      counts: sampleCounts(data.results),
    },
    metrics: overall(data.metrics),
    groups: data.metrics.filter((m) => m.groupKey !== '').map((m) => ({ scorer: m.scorer, metric: m.metric, key: m.groupKey, group: m.groupValue, ...metricOf(m) })),
    samples: sortedResults(data.results).map(jsonSample),
  };
}

/** Converts one sample × epoch record. */
export function jsonSample(r: SampleResultRecord): JsonSample {
  return {
    id: r.sampleId,
    epoch: r.epoch,
    status: r.status,
    label: r.label,
    target: r.sample.target,
    metadata: r.sample.metadata,
    // fromEntries defines own properties, so a scorer named `__proto__` stays data.
    scores: Object.fromEntries(r.scores.map((s) => [s.scorer, { value: s.value, answer: s.answer ?? null, explanation: s.explanation }])),
    output: r.output ?? null,
    error: r.error ? { code: r.error.code, message: r.error.message } : null,
    messages: r.messages.map((m) => ({ role: m.role, content: m.content })),
    calls: r.calls.map((c) => ({
      role: c.role,
      provider: c.provider,
      model: c.model,
      inputTokens: c.inputTokens,
      outputTokens: c.outputTokens,
      latencyMs: c.latencyMs,
      cost: c.cost,
      cached: c.cached,
      output: c.output?.text ?? null,
      error: c.error ?? null,
      createdAt: c.createdAt,
    })),
    startedAt: r.startedAt,
    completedAt: r.completedAt,
  };
}

function metricOf(m: MetricRecord): JsonMetric {
  return {
    value: Number.isFinite(m.value) ? m.value : null,
    stderr: m.stderr,
    ci: m.ciLow === null || m.ciHigh === null ? null : [m.ciLow, m.ciHigh],
    n: m.n,
  };
}

function overall(metrics: readonly MetricRecord[]): JsonReport['metrics'] {
  const byScorer = new Map<string, Map<string, JsonMetric>>();
  for (const m of metrics) {
    if (m.groupKey !== '') continue;
    const inner = byScorer.get(m.scorer) ?? new Map<string, JsonMetric>();
    inner.set(m.metric, metricOf(m));
    byScorer.set(m.scorer, inner);
  }
  return Object.fromEntries([...byScorer].map(([scorer, inner]) => [scorer, Object.fromEntries(inner)]));
}
