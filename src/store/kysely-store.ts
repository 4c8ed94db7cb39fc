/** The Store over Kysely: one implementation for SQLite and PostgreSQL; dialect files only build the connection. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { AssayError } from '../errors/index.js';
import type { FieldCipher } from '../governance/crypto/field-cipher.js';
import { NO_KEY_CIPHER } from '../governance/crypto/source-cipher.js';
import { migrateToLatest } from './migrations/migrate-to-latest.js';
import type { CacheEntry, MetricRecord, RunRecord, SampleResultRecord } from './records.js';
import {
  cacheEntryToRow,
  metricsToRows,
  rowToCacheEntry,
  rowToMetric,
  rowToModelCall,
  rowToRun,
  rowToSampleResult,
  rowToScore,
  runErrorToColumn,
  runToRow,
  sampleResultToRows,
} from './row-codec.js';
import type { Database, SampleResultsTable } from './schema.js';
import { sampleKey, type Store, type StoreCallOptions } from './store.js';
import { throwIfAborted, toStoreFailure } from './store-failure.js';

/**
 * Rows per INSERT statement: stays far below SQLite's 32,766 and PostgreSQL's 65,535 bound
 * parameters for the widest table (18 columns), while one statement covers any usual sample.
 */
const INSERT_CHUNK = 500;

type RunPatch = Parameters<Store['updateRun']>[1];

export interface KyselyStoreOptions {
  db: Kysely<Database>;
  dialect: Store['dialect'];
  /** PostgreSQL schema that holds the tables; pins the migrator's bookkeeping tables to it. */
  schema?: string;
  /** Seals transcript-bearing columns at rest; default NO_KEY_CIPHER (reads plaintext, refuses to write sealed columns). */
  cipher?: FieldCipher;
}

/** A Store over any Kysely dialect whose SQL both SQLite and PostgreSQL accept. */
export class KyselyStore implements Store {
  readonly dialect: Store['dialect'];
  /** The Kysely instance, for tests and maintenance tools; application code uses the Store methods. */
  readonly db: Kysely<Database>;
  /** The cipher that seals this store's columns at rest; other domains sharing `db` seal theirs with it too. */
  readonly cipher: FieldCipher;
  readonly #schema: string | undefined;
  #closed = false;

  constructor(options: KyselyStoreOptions) {
    this.db = options.db;
    this.dialect = options.dialect;
    this.#schema = options.schema;
    this.cipher = options.cipher ?? NO_KEY_CIPHER;
  }

  /** Runs `fn` unless already aborted, turning driver errors into STORE_FAILURE. */
  async #do<T>(operation: string, options: StoreCallOptions | undefined, fn: () => Promise<T>): Promise<T> {
    if (this.#closed) {
      throw new AssayError('STORE_FAILURE', `Store failed to ${operation}: the store is closed.`, {
        hint: 'This is a bug in the caller: open a new store with openStore() instead of reusing a closed one.',
      });
    }
    throwIfAborted(options?.signal);
    try {
      return await fn();
    } catch (err) {
      throw toStoreFailure(operation, err);
    }
  }

  async migrate(options?: StoreCallOptions): Promise<void> {
    await this.#do('migrate the database', options, () => migrateToLatest(this.db, { schema: this.#schema }));
  }

  async createRun(run: RunRecord, options?: StoreCallOptions): Promise<void> {
    await this.#do(`create run ${run.id}`, options, () => this.db.insertInto('runs').values(runToRow(run, this.cipher)).execute());
  }

  async getRun(id: string, options?: StoreCallOptions): Promise<RunRecord | undefined> {
    return this.#do(`read run ${id}`, options, async () => {
      const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
      return row && rowToRun(row, this.cipher);
    });
  }

  async listRuns(list: { limit?: number } = {}, options?: StoreCallOptions): Promise<RunRecord[]> {
    return this.#do('list runs', options, async () => {
      let query = this.db.selectFrom('runs').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
      if (list.limit !== undefined) query = query.limit(Math.max(0, Math.floor(list.limit)));
      return (await query.execute()).map((row) => rowToRun(row, this.cipher));
    });
  }

  /**
   * Sets the fields present in `patch`; an optional field given as `undefined` is cleared
   * (`{ error: undefined }` on resume). Throws NOT_FOUND when the run does not exist.
   */
  async updateRun(id: string, patch: RunPatch, options?: StoreCallOptions): Promise<void> {
    await this.#do(`update run ${id}`, options, async () => {
      const set = {
        ...(patch.status !== undefined && { status: patch.status }),
        ...('metrics' in patch && { metrics: patch.metrics === undefined ? null : JSON.stringify(patch.metrics) }),
        ...('error' in patch && { error: runErrorToColumn(id, patch.error, this.cipher) }),
        ...('finishedAt' in patch && { finished_at: patch.finishedAt ?? null }),
      };
      const exists = Object.keys(set).length === 0
        ? (await this.db.selectFrom('runs').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
        : (await this.db.updateTable('runs').set(set).where('id', '=', id).executeTakeFirst()).numUpdatedRows > 0n;
      if (!exists) {
        throw new AssayError('NOT_FOUND', `Run ${id} was not found in the store.`, {
          hint: 'List runs with `assay runs` and check the id.',
        });
      }
    });
  }

  async saveSampleResult(result: SampleResultRecord, options?: StoreCallOptions): Promise<void> {
    const what = `save sample ${result.sampleId} epoch ${result.epoch} of run ${result.runId}`;
    await this.#do(what, options, async () => {
      const rows = sampleResultToRows(result, this.cipher);
      await this.db.transaction().execute(async (trx) => {
        // Insert first: a fresh sample (the usual case) then costs no more statements.
        const fresh = await trx
          .insertInto('sample_results')
          .values(rows.sample)
          .onConflict((oc) => oc.columns(['run_id', 'sample_id', 'epoch']).doNothing())
          .returning('run_id')
          .executeTakeFirst();
        if (fresh === undefined) await replaceSampleRow(trx, rows.sample);
        for (const chunk of chunks(rows.scores)) await trx.insertInto('scores').values(chunk).execute();
        for (const chunk of chunks(rows.calls)) await trx.insertInto('model_calls').values(chunk).execute();
      });
    });
  }

  /** Ordered by sample id (JavaScript string order, the same on both dialects) then epoch. */
  async listSampleResults(runId: string, options?: StoreCallOptions): Promise<SampleResultRecord[]> {
    return this.#do(`list sample results of run ${runId}`, options, async () => {
      const [samples, scores, calls] = await Promise.all([
        this.db.selectFrom('sample_results').selectAll().where('run_id', '=', runId).execute(),
        this.db.selectFrom('scores').selectAll().where('run_id', '=', runId).orderBy('position').execute(),
        this.db.selectFrom('model_calls').selectAll().where('run_id', '=', runId).orderBy('position').execute(),
      ]);
      const scoresByKey = groupBy(scores, (r) => sampleKey(r.sample_id, r.epoch), (r) => rowToScore(r, this.cipher));
      const callsByKey = groupBy(calls, (r) => sampleKey(r.sample_id, r.epoch), (r) => rowToModelCall(r, this.cipher));
      samples.sort((a, b) => compare(a.sample_id, b.sample_id) || a.epoch - b.epoch);
      return samples.map((row) => {
        const key = sampleKey(row.sample_id, row.epoch);
        return rowToSampleResult(row, scoresByKey.get(key) ?? [], callsByKey.get(key) ?? [], this.cipher);
      });
    });
  }

  async completedSampleKeys(runId: string, options?: StoreCallOptions): Promise<Set<string>> {
    return this.#do(`list completed samples of run ${runId}`, options, async () => {
      const rows = await this.db
        .selectFrom('sample_results')
        .select(['sample_id', 'epoch'])
        .where('run_id', '=', runId)
        .where('status', '=', 'completed')
        .execute();
      return new Set(rows.map((r) => sampleKey(r.sample_id, r.epoch)));
    });
  }

  /** Replaces all metrics of the run in one transaction; they carry the run's label. */
  async saveMetrics(runId: string, metrics: MetricRecord[], options?: StoreCallOptions): Promise<void> {
    await this.#do(`save metrics of run ${runId}`, options, async () => {
      await this.db.transaction().execute(async (trx) => {
        const run = await trx.selectFrom('runs').select('label').where('id', '=', runId).executeTakeFirst();
        await trx.deleteFrom('metrics').where('run_id', '=', runId).execute();
        for (const chunk of chunks(metricsToRows(runId, metrics, run?.label))) {
          await trx.insertInto('metrics').values(chunk).execute();
        }
      });
    });
  }

  async listMetrics(runId: string, options?: StoreCallOptions): Promise<MetricRecord[]> {
    return this.#do(`list metrics of run ${runId}`, options, async () => {
      const rows = await this.db
        .selectFrom('metrics')
        .selectAll()
        .where('run_id', '=', runId)
        .orderBy('position')
        .execute();
      return rows.map(rowToMetric);
    });
  }

  async cacheGet(key: string, options?: StoreCallOptions): Promise<CacheEntry | undefined> {
    return this.#do('read the response cache', options, async () => {
      const row = await this.db.selectFrom('response_cache').selectAll().where('key', '=', key).executeTakeFirst();
      return row && rowToCacheEntry(row, this.cipher);
    });
  }

  /** Upserts: a put on an existing key replaces the entry. */
  async cachePut(entry: CacheEntry, options?: StoreCallOptions): Promise<void> {
    await this.#do('write the response cache', options, async () => {
      await this.db
        .insertInto('response_cache')
        .values(cacheEntryToRow(entry, this.cipher))
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({
            provider: eb.ref('excluded.provider'),
            model: eb.ref('excluded.model'),
            output: eb.ref('excluded.output'),
            created_at: eb.ref('excluded.created_at'),
          })),
        )
        .execute();
    });
  }

  /** Closes the connection or pool; safe to call more than once. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.db.destroy();
    } catch (err) {
      throw toStoreFailure('close the database', err);
    }
  }
}

/**
 * Overwrites an existing sample row and deletes its scores and calls. The upsert takes the row
 * lock first, so a concurrent save of the same sample waits for ours to commit, and the deletes,
 * which run after it, see every child row committed before: exactly one whole version survives.
 * (Delete-then-insert would let two waiting writers both delete and then collide on insert.)
 */
async function replaceSampleRow(trx: Transaction<Database>, row: Insertable<SampleResultsTable>): Promise<void> {
  await trx
    .insertInto('sample_results')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['run_id', 'sample_id', 'epoch']).doUpdateSet((eb) => ({
        sample: eb.ref('excluded.sample'),
        status: eb.ref('excluded.status'),
        messages: eb.ref('excluded.messages'),
        output: eb.ref('excluded.output'),
        error: eb.ref('excluded.error'),
        label: eb.ref('excluded.label'),
        started_at: eb.ref('excluded.started_at'),
        completed_at: eb.ref('excluded.completed_at'),
      })),
    )
    .execute();
  for (const table of ['scores', 'model_calls'] as const) {
    await trx
      .deleteFrom(table)
      .where('run_id', '=', row.run_id)
      .where('sample_id', '=', row.sample_id)
      .where('epoch', '=', row.epoch)
      .execute();
  }
}

/** Splits rows into INSERT-sized slices; yields nothing for no rows (Kysely rejects an empty VALUES). */
function* chunks<R>(rows: R[]): Generator<R[]> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) yield rows.slice(i, i + INSERT_CHUNK);
}

function groupBy<R, V>(rows: R[], keyOf: (row: R) => string, map: (row: R) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(map(row));
    else groups.set(key, [map(row)]);
  }
  return groups;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
