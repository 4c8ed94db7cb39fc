/** The Store seam: persistence for runs, results and the response cache (SQLite or PostgreSQL). */
import type { CacheEntry, MetricRecord, RunRecord, RunStatus, SampleResultRecord } from './records.js';

export interface StoreCallOptions {
  signal?: AbortSignal;
}

export interface Store {
  /** `sqlite` or `postgres`. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Applies pending migrations; safe to call on every start. */
  migrate(): Promise<void>;
  createRun(run: RunRecord): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(options?: { limit?: number }): Promise<RunRecord[]>;
  updateRun(
    id: string,
    patch: Partial<Pick<RunRecord, 'status' | 'metrics' | 'error' | 'finishedAt'>>,
  ): Promise<void>;
  /**
   * Saves a sample result with its scores and model calls in one transaction, replacing any
   * earlier result for the same (runId, sampleId, epoch): a crash never leaves half a sample.
   */
  saveSampleResult(result: SampleResultRecord): Promise<void>;
  /** All results of a run, ordered by sample id then epoch. */
  listSampleResults(runId: string): Promise<SampleResultRecord[]>;
  /** `${sampleId}\u0000${epoch}` keys of samples that completed (status `completed`). */
  completedSampleKeys(runId: string): Promise<Set<string>>;
  /** Replaces a run's metrics. */
  saveMetrics(runId: string, metrics: MetricRecord[]): Promise<void>;
  listMetrics(runId: string): Promise<MetricRecord[]>;
  cacheGet(key: string): Promise<CacheEntry | undefined>;
  cachePut(entry: CacheEntry): Promise<void>;
  close(): Promise<void>;
}

export function sampleKey(sampleId: string, epoch: number): string {
  return `${sampleId}\u0000${epoch}`;
}
