/** The rows Assay keeps: runs, sample results with transcripts, model calls, scores, metrics, cache. */
import type { ChatMessage, ModelOutput } from '../model/types.js';
import type { Sample } from '../dataset/sample.js';

export const RUN_STATUSES = ['running', 'completed', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunRecord {
  id: string;
  task: string;
  /** sha256 of the resolved task spec. */
  taskHash: string;
  datasetHash: string;
  model: string;
  status: RunStatus;
  /** Resolved task spec, model args without secrets, software version, settings. */
  config: Record<string, unknown>;
  /** Final metrics, as printed by `--output json`. */
  metrics?: Record<string, unknown>;
  error?: string;
  label: string;
  createdAt: string;
  finishedAt?: string;
}

export interface ModelCallRecord {
  role: string;
  provider: string;
  model: string;
  request: { messages: ChatMessage[]; config: Record<string, unknown> };
  output?: ModelOutput;
  error?: string;
  inputTokens: number;
  outputTokens: number;
  latencyMs: number;
  cost: number;
  cached: boolean;
  createdAt: string;
}

export interface ScoreRecord {
  scorer: string;
  value: number;
  answer?: string;
  explanation: string;
  metadata?: Record<string, unknown>;
}

/** One sample × epoch, saved atomically with its scores and model calls. */
export interface SampleResultRecord {
  runId: string;
  sampleId: string;
  epoch: number;
  sample: Sample;
  status: 'completed' | 'error';
  messages: ChatMessage[];
  output?: string;
  error?: { code: string; message: string };
  scores: ScoreRecord[];
  calls: ModelCallRecord[];
  label: string;
  startedAt: string;
  completedAt: string;
}

export interface MetricRecord {
  scorer: string;
  metric: string;
  /** Empty for the overall value; otherwise the metadata key and value of the group. */
  groupKey: string;
  groupValue: string;
  value: number;
  stderr: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  n: number;
}

export interface CacheEntry {
  key: string;
  provider: string;
  model: string;
  output: ModelOutput;
  createdAt: string;
}
