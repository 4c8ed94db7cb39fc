/** Kysely table types: the same columns on SQLite and PostgreSQL (JSON as text, timestamps as ISO text). */
import type { Generated, Insertable, Selectable } from 'kysely';

/** Every table carries a security label; the database fills in `UNCLASSIFIED` when none is given. */
type Label = Generated<string>;

/** One evaluation run. */
export interface RunsTable {
  id: string;
  task: string;
  task_hash: string;
  dataset_hash: string;
  model: string;
  status: string;
  /** JSON text. */
  config: string;
  /** JSON text. */
  metrics: string | null;
  error: string | null;
  label: Label;
  created_at: string;
  finished_at: string | null;
}

/** One sample × epoch; unique on (run_id, sample_id, epoch). */
export interface SampleResultsTable {
  run_id: string;
  sample_id: string;
  epoch: number;
  /** JSON text of the Sample. */
  sample: string;
  status: string;
  /** JSON text of the transcript. */
  messages: string;
  output: string | null;
  /** JSON text of `{ code, message }`. */
  error: string | null;
  label: Label;
  started_at: string;
  completed_at: string;
}

/** One score of a sample result, in the order the scorers ran. */
export interface ScoresTable {
  run_id: string;
  sample_id: string;
  epoch: number;
  position: number;
  scorer: string;
  value: number;
  answer: string | null;
  explanation: string;
  /** JSON text. */
  metadata: string | null;
  label: Label;
}

/** One model call made while solving or scoring a sample, in call order. */
export interface ModelCallsTable {
  run_id: string;
  sample_id: string;
  epoch: number;
  position: number;
  role: string;
  provider: string;
  model: string;
  /** JSON text of `{ messages, config }`. */
  request: string;
  /** JSON text of the ModelOutput. */
  output: string | null;
  error: string | null;
  input_tokens: number;
  output_tokens: number;
  latency_ms: number;
  cost: number;
  /** 0 or 1 on both dialects. */
  cached: number;
  label: Label;
  created_at: string;
}

/** One aggregate metric of a run, in the order it was saved. */
export interface MetricsTable {
  run_id: string;
  position: number;
  scorer: string;
  metric: string;
  group_key: string;
  group_value: string;
  value: number;
  stderr: number | null;
  ci_low: number | null;
  ci_high: number | null;
  n: number;
  label: Label;
}

/** The response cache, keyed by the hash of provider, model and request. */
export interface ResponseCacheTable {
  key: string;
  provider: string;
  model: string;
  /** JSON text of the ModelOutput. */
  output: string;
  label: Label;
  created_at: string;
}

/** The whole database as Kysely sees it. */
export interface Database {
  runs: RunsTable;
  sample_results: SampleResultsTable;
  scores: ScoresTable;
  model_calls: ModelCallsTable;
  metrics: MetricsTable;
  response_cache: ResponseCacheTable;
}

export type RunRow = Selectable<RunsTable>;
export type SampleResultRow = Selectable<SampleResultsTable>;
export type ScoreRow = Selectable<ScoresTable>;
export type ModelCallRow = Selectable<ModelCallsTable>;
export type MetricRow = Selectable<MetricsTable>;
export type CacheRow = Selectable<ResponseCacheTable>;
export type NewScoreRow = Insertable<ScoresTable>;
export type NewModelCallRow = Insertable<ModelCallsTable>;
