/** Converts records to rows and back: JSON as text, booleans as 0/1, absent optionals as NULL. */
import type { Insertable } from 'kysely';
import { AssayError } from '../errors/index.js';
import type { Sample } from '../dataset/sample.js';
import type { ChatMessage, ModelOutput } from '../model/types.js';
import type {
  CacheEntry,
  MetricRecord,
  ModelCallRecord,
  RunRecord,
  RunStatus,
  SampleResultRecord,
  ScoreRecord,
} from './records.js';
import type {
  CacheRow,
  MetricRow,
  MetricsTable,
  ModelCallRow,
  NewModelCallRow,
  NewScoreRow,
  ResponseCacheTable,
  RunRow,
  RunsTable,
  SampleResultRow,
  SampleResultsTable,
  ScoreRow,
} from './schema.js';

/** An empty or missing label is left to the database default (`UNCLASSIFIED`), never stored blank. */
function label(value: string | undefined): string | undefined {
  return value ? value : undefined;
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/**
 * SQLite cannot hold NaN (it turns into NULL) while PostgreSQL can; so that both stores agree,
 * NaN is refused where a number is required and stored as NULL where NULL is allowed.
 */
function num(value: number, field: string): number {
  if (Number.isNaN(value)) {
    throw new AssayError('STORE_FAILURE', `Cannot store NaN in ${field}.`, {
      hint: 'A scorer or metric produced NaN; return a finite number (or null where allowed) instead.',
      where: { field },
    });
  }
  return value;
}

function numOrNull(value: number | null): number | null {
  return value === null || Number.isNaN(value) ? null : value;
}

function parse<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** The row for a new run. */
export function runToRow(run: RunRecord): Insertable<RunsTable> {
  return {
    id: run.id,
    task: run.task,
    task_hash: run.taskHash,
    dataset_hash: run.datasetHash,
    model: run.model,
    status: run.status,
    config: JSON.stringify(run.config),
    metrics: json(run.metrics),
    error: run.error ?? null,
    label: label(run.label),
    created_at: run.createdAt,
    finished_at: run.finishedAt ?? null,
  };
}

/** A run as read back. */
export function rowToRun(row: RunRow): RunRecord {
  return {
    id: row.id,
    task: row.task,
    taskHash: row.task_hash,
    datasetHash: row.dataset_hash,
    model: row.model,
    status: row.status as RunStatus,
    config: parse<Record<string, unknown>>(row.config),
    ...(row.metrics !== null && { metrics: parse<Record<string, unknown>>(row.metrics) }),
    ...(row.error !== null && { error: row.error }),
    label: row.label,
    createdAt: row.created_at,
    ...(row.finished_at !== null && { finishedAt: row.finished_at }),
  };
}

/** The rows of one sample result: the sample row, its scores and its model calls. */
export function sampleResultToRows(result: SampleResultRecord): {
  sample: Insertable<SampleResultsTable>;
  scores: NewScoreRow[];
  calls: NewModelCallRow[];
} {
  const key = { run_id: result.runId, sample_id: result.sampleId, epoch: result.epoch };
  // Scores and calls are derived from the sample, so they carry its label.
  const rowLabel = label(result.label);
  return {
    sample: {
      ...key,
      sample: JSON.stringify(result.sample),
      status: result.status,
      messages: JSON.stringify(result.messages),
      output: result.output ?? null,
      error: json(result.error),
      label: rowLabel,
      started_at: result.startedAt,
      completed_at: result.completedAt,
    },
    scores: result.scores.map((s, position) => ({
      ...key,
      position,
      scorer: s.scorer,
      value: num(s.value, `scores.value (scorer ${s.scorer})`),
      answer: s.answer ?? null,
      explanation: s.explanation,
      metadata: json(s.metadata),
      label: rowLabel,
    })),
    calls: result.calls.map((c, position) => ({
      ...key,
      position,
      role: c.role,
      provider: c.provider,
      model: c.model,
      request: JSON.stringify(c.request),
      output: json(c.output),
      error: c.error ?? null,
      input_tokens: c.inputTokens,
      output_tokens: c.outputTokens,
      latency_ms: num(c.latencyMs, 'model_calls.latency_ms'),
      cost: num(c.cost, 'model_calls.cost'),
      cached: c.cached ? 1 : 0,
      label: rowLabel,
      created_at: c.createdAt,
    })),
  };
}

/** A score as read back. */
export function rowToScore(row: ScoreRow): ScoreRecord {
  return {
    scorer: row.scorer,
    value: row.value,
    ...(row.answer !== null && { answer: row.answer }),
    explanation: row.explanation,
    ...(row.metadata !== null && { metadata: parse<Record<string, unknown>>(row.metadata) }),
  };
}

/** A model call as read back. */
export function rowToModelCall(row: ModelCallRow): ModelCallRecord {
  return {
    role: row.role,
    provider: row.provider,
    model: row.model,
    request: parse<ModelCallRecord['request']>(row.request),
    ...(row.output !== null && { output: parse<ModelOutput>(row.output) }),
    ...(row.error !== null && { error: row.error }),
    inputTokens: row.input_tokens,
    outputTokens: row.output_tokens,
    latencyMs: row.latency_ms,
    cost: row.cost,
    cached: row.cached === 1,
    createdAt: row.created_at,
  };
}

/** A sample result as read back, with its scores and calls already in position order. */
export function rowToSampleResult(
  row: SampleResultRow,
  scores: ScoreRecord[],
  calls: ModelCallRecord[],
): SampleResultRecord {
  return {
    runId: row.run_id,
    sampleId: row.sample_id,
    epoch: row.epoch,
    sample: parse<Sample>(row.sample),
    status: row.status as SampleResultRecord['status'],
    messages: parse<ChatMessage[]>(row.messages),
    ...(row.output !== null && { output: row.output }),
    ...(row.error !== null && { error: parse<{ code: string; message: string }>(row.error) }),
    scores,
    calls,
    label: row.label,
    startedAt: row.started_at,
    completedAt: row.completed_at,
  };
}

/** The rows of a run's metrics, in the order given; they carry the run's label. */
export function metricsToRows(
  runId: string,
  metrics: MetricRecord[],
  runLabel: string | undefined,
): Insertable<MetricsTable>[] {
  return metrics.map((m, position) => ({
    run_id: runId,
    position,
    scorer: m.scorer,
    metric: m.metric,
    group_key: m.groupKey,
    group_value: m.groupValue,
    value: num(m.value, `metrics.value (${m.scorer} ${m.metric})`),
    stderr: numOrNull(m.stderr),
    ci_low: numOrNull(m.ciLow),
    ci_high: numOrNull(m.ciHigh),
    n: m.n,
    label: label(runLabel),
  }));
}

/** A metric as read back. */
export function rowToMetric(row: MetricRow): MetricRecord {
  return {
    scorer: row.scorer,
    metric: row.metric,
    groupKey: row.group_key,
    groupValue: row.group_value,
    value: row.value,
    stderr: row.stderr,
    ciLow: row.ci_low,
    ciHigh: row.ci_high,
    n: row.n,
  };
}

/** The row for a cache entry; cache entries carry no label, so the default applies. */
export function cacheEntryToRow(entry: CacheEntry): Insertable<ResponseCacheTable> {
  return {
    key: entry.key,
    provider: entry.provider,
    model: entry.model,
    output: JSON.stringify(entry.output),
    created_at: entry.createdAt,
  };
}

/** A cache entry as read back. */
export function rowToCacheEntry(row: CacheRow): CacheEntry {
  return {
    key: row.key,
    provider: row.provider,
    model: row.model,
    output: parse<ModelOutput>(row.output),
    createdAt: row.created_at,
  };
}
