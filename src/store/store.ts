/** The Store seam: persistence for runs, results and the response cache (SQLite or PostgreSQL). */
import type { FieldCipher } from '../governance/crypto/field-cipher.js';
import type { CacheEntry, MetricRecord, RunRecord, RunStatus, SampleResultRecord } from './records.js';

/** Every store call takes it; a signal that has fired stops the call before it starts (never mid-transaction). */
export interface StoreCallOptions {
  signal?: AbortSignal;
}

/** Persistence for runs, sample results, metrics and the response cache; see kysely-store.ts. */
export interface Store {
  /** `sqlite` or `postgres`. */
  readonly dialect: 'sqlite' | 'postgres';
  /** Seals transcripts, model calls, scores' model text, cached responses and run errors at rest (AES-256-GCM). */
  readonly cipher: FieldCipher;
  /** Applies pending migrations; safe to call on every start. */
  migrate(options?: StoreCallOptions): Promise<void>;
  createRun(run: RunRecord, options?: StoreCallOptions): Promise<void>;
  getRun(id: string, options?: StoreCallOptions): Promise<RunRecord | undefined>;
  /** Newest first. */
  listRuns(list?: { limit?: number }, options?: StoreCallOptions): Promise<RunRecord[]>;
  /** Sets the fields present in `patch`; an optional field present as `undefined` is cleared. */
  updateRun(
    id: string,
    patch: Partial<Pick<RunRecord, 'status' | 'metrics' | 'error' | 'finishedAt'>>,
    options?: StoreCallOptions,
  ): Promise<void>;
  /**
   * Saves a sample result with its scores and model calls in one transaction, replacing any
   * earlier result for the same (runId, sampleId, epoch): a crash never leaves half a sample.
   */
  saveSampleResult(result: SampleResultRecord, options?: StoreCallOptions): Promise<void>;
  /** All results of a run, ordered by sample id then epoch. */
  listSampleResults(runId: string, options?: StoreCallOptions): Promise<SampleResultRecord[]>;
  /** `${sampleId}\u0000${epoch}` keys of samples that completed (status `completed`). */
  completedSampleKeys(runId: string, options?: StoreCallOptions): Promise<Set<string>>;
  /** Replaces a run's metrics. */
  saveMetrics(runId: string, metrics: MetricRecord[], options?: StoreCallOptions): Promise<void>;
  listMetrics(runId: string, options?: StoreCallOptions): Promise<MetricRecord[]>;
  cacheGet(key: string, options?: StoreCallOptions): Promise<CacheEntry | undefined>;
  /** Upserts: a put on an existing key replaces the entry. */
  cachePut(entry: CacheEntry, options?: StoreCallOptions): Promise<void>;
  close(): Promise<void>;
}

/** The key of one sample × epoch, as returned by `completedSampleKeys`. */
export function sampleKey(sampleId: string, epoch: number): string {
  return `${sampleId}\u0000${epoch}`;
}
