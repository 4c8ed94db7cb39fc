/**
 * Converts records to rows and back: JSON as text, booleans as 0/1, absent optionals as NULL, and every column in
 * STORE_SEALED_COLUMNS sealed with the store's FieldCipher (AAD = table, column and primary key).
 */
import type { Insertable } from 'kysely';
import { AssayError } from '../errors/index.js';
import type { FieldCipher } from '../governance/crypto/field-cipher.js';
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
import { rowSealer, type RowSealer } from './sealed-fields.js';

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
export function runToRow(run: RunRecord, cipher: FieldCipher): Insertable<RunsTable> {
  return {
    id: run.id,
    task: run.task,
    task_hash: run.taskHash,
    dataset_hash: run.datasetHash,
    model: run.model,
    status: run.status,
    config: JSON.stringify(run.config),
    metrics: json(run.metrics),
    error: runErrorToColumn(run.id, run.error, cipher),
    label: label(run.label),
    created_at: run.createdAt,
    finished_at: run.finishedAt ?? null,
  };
}

/** The sealed `runs.error` value of run `id` (a run error can quote a model's response). */
export function runErrorToColumn(id: string, error: string | undefined, cipher: FieldCipher): string | null {
  return rowSealer(cipher, 'runs', [id]).sealOrNull('error', error ?? null);
}

/** A run as read back. */
export function rowToRun(row: RunRow, cipher: FieldCipher): RunRecord {
  return {
    id: row.id,
    task: row.task,
    taskHash: row.task_hash,
    datasetHash: row.dataset_hash,
    model: row.model,
    status: row.status as RunStatus,
    config: parse<Record<string, unknown>>(row.config),
    ...(row.metrics !== null && { metrics: parse<Record<string, unknown>>(row.metrics) }),
    ...(row.error !== null && { error: rowSealer(cipher, 'runs', [row.id]).open('error', row.error) }),
    label: row.label,
    createdAt: row.created_at,
    ...(row.finished_at !== null && { finishedAt: row.finished_at }),
  };
}

/** The rows of one sample result: the sample row, its scores and its model calls. */
export function sampleResultToRows(result: SampleResultRecord, cipher: FieldCipher): {
  sample: Insertable<SampleResultsTable>;
  scores: NewScoreRow[];
  calls: NewModelCallRow[];
} {
  const key = { run_id: result.runId, sample_id: result.sampleId, epoch: result.epoch };
  // Scores and calls are derived from the sample, so they carry its label.
  const rowLabel = label(result.label);
  const sealed = rowSealer(cipher, 'sample_results', [result.runId, result.sampleId, result.epoch]);
  const child = (table: 'scores' | 'model_calls', position: number) => rowSealer(cipher, table, [result.runId, result.sampleId, result.epoch, position]);
  return {
    sample: {
      ...key,
      sample: sealed.seal('sample', JSON.stringify(result.sample)),
      status: result.status,
      messages: sealed.seal('messages', JSON.stringify(result.messages)),
      output: sealed.sealOrNull('output', result.output ?? null),
      error: sealed.sealOrNull('error', json(result.error)),
      label: rowLabel,
      started_at: result.startedAt,
      completed_at: result.completedAt,
    },
    scores: result.scores.map((s, position) => {
      const field = child('scores', position);
      return {
        ...key,
        position,
        scorer: s.scorer,
        value: num(s.value, `scores.value (scorer ${s.scorer})`),
        answer: field.sealOrNull('answer', s.answer ?? null),
        explanation: field.seal('explanation', s.explanation),
        metadata: field.sealOrNull('metadata', json(s.metadata)),
        label: rowLabel,
      };
    }),
    calls: result.calls.map((c, position) => ({
      ...key,
      position,
      role: c.role,
      provider: c.provider,
      model: c.model,
      ...sealedCall(child('model_calls', position), c),
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

function sealedCall(field: RowSealer<'model_calls'>, c: ModelCallRecord): Pick<NewModelCallRow, 'request' | 'output' | 'error'> {
  return {
    request: field.seal('request', JSON.stringify(c.request)),
    output: field.sealOrNull('output', json(c.output)),
    error: field.sealOrNull('error', c.error ?? null),
  };
}

/** A score as read back. */
export function rowToScore(row: ScoreRow, cipher: FieldCipher): ScoreRecord {
  const field = rowSealer(cipher, 'scores', [row.run_id, row.sample_id, row.epoch, row.position]);
  const metadata = field.openOrNull('metadata', row.metadata);
  const answer = field.openOrNull('answer', row.answer);
  return {
    scorer: row.scorer,
    value: row.value,
    ...(answer !== null && { answer }),
    explanation: field.open('explanation', row.explanation),
    ...(metadata !== null && { metadata: parse<Record<string, unknown>>(metadata) }),
  };
}

/** A model call as read back. */
export function rowToModelCall(row: ModelCallRow, cipher: FieldCipher): ModelCallRecord {
  const field = rowSealer(cipher, 'model_calls', [row.run_id, row.sample_id, row.epoch, row.position]);
  const output = field.openOrNull('output', row.output);
  const error = field.openOrNull('error', row.error);
  return {
    role: row.role,
    provider: row.provider,
    model: row.model,
    request: parse<ModelCallRecord['request']>(field.open('request', row.request)),
    ...(output !== null && { output: parse<ModelOutput>(output) }),
    ...(error !== null && { error }),
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
  cipher: FieldCipher,
): SampleResultRecord {
  const field = rowSealer(cipher, 'sample_results', [row.run_id, row.sample_id, row.epoch]);
  const output = field.openOrNull('output', row.output);
  const error = field.openOrNull('error', row.error);
  return {
    runId: row.run_id,
    sampleId: row.sample_id,
    epoch: row.epoch,
    sample: parse<Sample>(field.open('sample', row.sample)),
    status: row.status as SampleResultRecord['status'],
    messages: parse<ChatMessage[]>(field.open('messages', row.messages)),
    ...(output !== null && { output }),
    ...(error !== null && { error: parse<{ code: string; message: string }>(error) }),
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
export function cacheEntryToRow(entry: CacheEntry, cipher: FieldCipher): Insertable<ResponseCacheTable> {
  return {
    key: entry.key,
    provider: entry.provider,
    model: entry.model,
    output: rowSealer(cipher, 'response_cache', [entry.key]).seal('output', JSON.stringify(entry.output)),
    created_at: entry.createdAt,
  };
}

/** A cache entry as read back. */
export function rowToCacheEntry(row: CacheRow, cipher: FieldCipher): CacheEntry {
  return {
    key: row.key,
    provider: row.provider,
    model: row.model,
    output: parse<ModelOutput>(rowSealer(cipher, 'response_cache', [row.key]).open('output', row.output)),
    createdAt: row.created_at,
  };
}
