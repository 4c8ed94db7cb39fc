/** One contract suite run against every Store implementation (SQLite and PostgreSQL), plus cross-dialect parity. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { retryOnConcurrentDdl } from './concurrent-ddl.js';
import { MIGRATIONS } from './migrations/migrations.js';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LABEL } from '../dataset/sample.js';
import { AssayError } from '../errors/index.js';
import { KyselyStore } from './kysely-store.js';
import { openStore } from './open-store.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import type { SampleResultRecord } from './records.js';
import { sampleKey, type Store } from './store.js';
import { makeCacheEntry, makeErrorResult, makeMetrics, makeResult, makeRun } from './store-test-fixtures.js';
import { ENCRYPTED_COLUMNS } from '../governance/crypto/encrypted-columns.js';
import { isFieldToken } from '../governance/crypto/field-token.js';
import { STORE_SEALED_COLUMNS } from './sealed-fields.js';

/** Trust-auth PostgreSQL on this machine; override with ASSAY_TEST_DATABASE_URL. */
const PG_URL = process.env.ASSAY_TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';

/** A store under test, and how to reopen and finally remove its database. */
interface Harness {
  store: KyselyStore;
  /** Schema the tables live in (PostgreSQL); undefined for SQLite. */
  schema: string | undefined;
  reopen(): Promise<KyselyStore>;
  cleanup(): Promise<void>;
}

function asKysely(store: Store): KyselyStore {
  if (!(store instanceof KyselyStore)) throw new Error('expected a KyselyStore');
  return store;
}

async function sqliteHarness(): Promise<Harness> {
  const home = mkdtempSync(join(tmpdir(), 'assay-store-'));
  // An empty databaseUrl forces SQLite even when ASSAY_DATABASE_URL is set.
  const open = async () => asKysely(await openStore({ home, databaseUrl: '' }));
  return {
    store: await open(),
    schema: undefined,
    reopen: open,
    cleanup: async () => rmSync(home, { recursive: true, force: true }),
  };
}

async function postgresHarness(): Promise<Harness> {
  const schema = `assay_test_${randomBytes(6).toString('hex')}`;
  // The keyring lives under the home even for PostgreSQL: give it a temporary one, never ./.assay.
  const home = mkdtempSync(join(tmpdir(), 'assay-store-pg-'));
  const open = async () => asKysely(await openStore({ databaseUrl: PG_URL, schema, home }));
  return {
    store: await open(),
    schema,
    reopen: open,
    cleanup: async () => {
      rmSync(home, { recursive: true, force: true });
      const admin = await createPostgresStore({ url: PG_URL });
      try {
        await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
      } finally {
        await admin.close();
      }
    },
  };
}

const HARNESSES = { sqlite: sqliteHarness, postgres: postgresHarness } as const;

async function expectStoreError(promise: Promise<unknown>, code: AssayError['code']): Promise<AssayError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AssayError);
  expect((err as AssayError).code).toBe(code);
  return err as AssayError;
}

/** Rows per table for one sample key, read with raw SQL so nothing in the store hides duplicates. */
async function rowCounts(store: KyselyStore, r: Pick<SampleResultRecord, 'runId' | 'sampleId' | 'epoch'>) {
  const count = async (table: 'sample_results' | 'scores' | 'model_calls') => {
    const rows = await store.db
      .selectFrom(table)
      .select(['run_id'])
      .where('run_id', '=', r.runId)
      .where('sample_id', '=', r.sampleId)
      .where('epoch', '=', r.epoch)
      .execute();
    return rows.length;
  };
  return { samples: await count('sample_results'), scores: await count('scores'), calls: await count('model_calls') };
}

for (const [name, makeHarness] of Object.entries(HARNESSES)) {
  describe(`Store contract: ${name}`, () => {
    let h: Harness;
    let store: KyselyStore;

    beforeEach(async () => {
      h = await makeHarness();
      store = h.store;
    });

    afterEach(async () => {
      await store.close();
      await h.cleanup();
    });

    it('reports its dialect', () => {
      expect(store.dialect).toBe(name);
    });

    it('migrates idempotently: twice more changes nothing and records the migration once', async () => {
      await store.createRun(makeRun());
      await store.migrate();
      await store.migrate();
      const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
      // Every migration in code, once each, in name order.
      expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(MIGRATIONS).sort());
      expect(applied.rows.map((r) => r.name).slice(0, 3)).toEqual(['0001_initial', '0002_audit', '0003_identity']);
      expect(await store.getRun('run-1')).toEqual(makeRun());
    });

    it('creates, reads and updates runs; unknown ids read as undefined or NOT_FOUND', async () => {
      const run = makeRun({ label: 'SECRET//REL TO X' });
      await store.createRun(run);
      expect(await store.getRun(run.id)).toEqual(run);
      expect(await store.getRun('nope')).toBeUndefined();

      await store.updateRun(run.id, { status: 'completed', metrics: { match: { accuracy: 0.5 } } });
      await store.updateRun(run.id, { finishedAt: '2025-01-02T04:00:00.000Z', error: 'partial' });
      expect(await store.getRun(run.id)).toEqual({
        ...run,
        status: 'completed',
        metrics: { match: { accuracy: 0.5 } },
        finishedAt: '2025-01-02T04:00:00.000Z',
        error: 'partial',
      });
      // Present-but-undefined clears an optional field (resume clears the error); absent keys stay.
      await store.updateRun(run.id, { status: 'running', error: undefined });
      const resumed = await store.getRun(run.id);
      expect(resumed).not.toHaveProperty('error');
      expect(resumed).toMatchObject({ status: 'running', finishedAt: '2025-01-02T04:00:00.000Z' });
      await expectStoreError(store.updateRun('nope', { status: 'failed' }), 'NOT_FOUND');
      await expectStoreError(store.createRun(run), 'STORE_FAILURE');
    });

    it('lists runs newest first and honours the limit', async () => {
      const times = ['2025-01-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z'];
      for (const [i, createdAt] of times.entries()) await store.createRun(makeRun({ id: `run-${i}`, createdAt }));
      expect((await store.listRuns()).map((r) => r.id)).toEqual(['run-1', 'run-2', 'run-0']);
      expect((await store.listRuns({ limit: 2 })).map((r) => r.id)).toEqual(['run-1', 'run-2']);
    });

    it('saves sample results and lists them by sample id then epoch, deep-equal to what was written', async () => {
      await store.createRun(makeRun());
      const written = [
        makeResult('run-1', 'b', 1),
        makeErrorResult('run-1', 'a', 2),
        makeResult('run-1', 'a', 1, { label: 'CONFIDENTIAL' }),
        makeResult('run-1', 'B', 1, { scores: [], calls: [] }),
      ];
      for (const r of written) await store.saveSampleResult(r);
      const read = await store.listSampleResults('run-1');
      expect(read.map((r) => sampleKey(r.sampleId, r.epoch))).toEqual(
        [['B', 1], ['a', 1], ['a', 2], ['b', 1]].map(([s, e]) => sampleKey(s as string, e as number)),
      );
      expect(read).toEqual([written[3], written[2], written[1], written[0]]);
      expect(read[1]?.calls[1]).not.toHaveProperty('output');
      expect(read[2]).not.toHaveProperty('output');
      expect(await store.listSampleResults('other-run')).toEqual([]);
    });

    it('replacing a sample result leaves exactly one copy, with only the new scores and calls', async () => {
      await store.createRun(makeRun());
      const first = makeResult('run-1', 's1', 1);
      await store.saveSampleResult(first);
      const second = makeResult('run-1', 's1', 1, {
        output: 'four',
        scores: [{ scorer: 'match', value: 0, explanation: 'no match' }],
        calls: [makeResult('run-1', 's1', 1).calls[0]!],
      });
      await store.saveSampleResult(second);
      expect(await store.listSampleResults('run-1')).toEqual([second]);
      expect(await rowCounts(store, second)).toEqual({ samples: 1, scores: 1, calls: 1 });
    });

    it('is atomic: a failure mid-transaction keeps the previous result intact', async () => {
      await store.createRun(makeRun());
      const good = makeResult('run-1', 's1', 1);
      await store.saveSampleResult(good);
      // The last statement (model calls) fails on NOT NULL, after the delete and the sample and
      // score inserts have run inside the transaction.
      const scores = [{ scorer: 'x', value: 0, explanation: '' }];
      const bad = makeResult('run-1', 's1', 1, { output: 'changed', scores });
      bad.calls[2] = { ...bad.calls[2]!, provider: null as unknown as string };
      await expectStoreError(store.saveSampleResult(bad), 'STORE_FAILURE');
      expect(await store.listSampleResults('run-1')).toEqual([good]);
      expect(await rowCounts(store, good)).toEqual({ samples: 1, scores: 2, calls: 3 });

      // A failing first save leaves nothing at all.
      const badNew = { ...bad, sampleId: 's2' };
      await expectStoreError(store.saveSampleResult(badNew), 'STORE_FAILURE');
      expect(await rowCounts(store, badNew)).toEqual({ samples: 0, scores: 0, calls: 0 });
    });

    it('refuses NaN numbers on both dialects before touching the database', async () => {
      await store.createRun(makeRun());
      const nan = makeResult('run-1', 's1', 1, { scores: [{ scorer: 'm', value: Number.NaN, explanation: '' }] });
      const err = await expectStoreError(store.saveSampleResult(nan), 'STORE_FAILURE');
      expect(err.message).toContain('NaN');
      expect(await store.listSampleResults('run-1')).toEqual([]);
    });

    it('saves many results concurrently without losing any', async () => {
      await store.createRun(makeRun());
      const results = Array.from({ length: 40 }, (_, i) => makeResult('run-1', `s${String(i).padStart(2, '0')}`, 1));
      await Promise.all(results.map((r) => store.saveSampleResult(r)));
      expect(await store.listSampleResults('run-1')).toEqual(results);
    });

    it('concurrent saves of the same sample leave exactly one whole version', async () => {
      await store.createRun(makeRun());
      const versions = Array.from({ length: 8 }, (_, i) =>
        makeResult('run-1', 's1', 1, {
          output: `v${i}`,
          scores: Array.from({ length: i + 1 }, (_, j) => ({ scorer: `sc${j}`, value: i, explanation: `v${i}` })),
          calls: makeResult('run-1', 's1', 1).calls.slice(0, (i % 3) + 1),
        }),
      );
      await Promise.all(versions.map((v) => store.saveSampleResult(v)));
      const read = await store.listSampleResults('run-1');
      expect(read).toHaveLength(1);
      const winner = versions.find((v) => v.output === read[0]?.output);
      expect(read[0]).toEqual(winner);
      const counts = { samples: 1, scores: winner?.scores.length, calls: winner?.calls.length };
      expect(await rowCounts(store, read[0]!)).toEqual(counts);
    });

    it('completedSampleKeys lists completed results only', async () => {
      await store.createRun(makeRun());
      await store.saveSampleResult(makeResult('run-1', 's1', 1));
      await store.saveSampleResult(makeResult('run-1', 's1', 2));
      await store.saveSampleResult(makeErrorResult('run-1', 's2', 1));
      expect(await store.completedSampleKeys('run-1')).toEqual(new Set([sampleKey('s1', 1), sampleKey('s1', 2)]));
      // A retried sample that now errors is no longer complete.
      await store.saveSampleResult(makeErrorResult('run-1', 's1', 2));
      expect(await store.completedSampleKeys('run-1')).toEqual(new Set([sampleKey('s1', 1)]));
      expect(await store.completedSampleKeys('other-run')).toEqual(new Set());
    });

    it('saveMetrics replaces all metrics of a run and keeps their order', async () => {
      await store.createRun(makeRun());
      await store.createRun(makeRun({ id: 'run-2' }));
      const metrics = makeMetrics();
      await store.saveMetrics('run-1', metrics);
      await store.saveMetrics('run-2', metrics.slice(0, 1));
      expect(await store.listMetrics('run-1')).toEqual(metrics);
      await store.saveMetrics('run-1', metrics.slice(2));
      expect(await store.listMetrics('run-1')).toEqual(metrics.slice(2));
      await store.saveMetrics('run-1', []);
      expect(await store.listMetrics('run-1')).toEqual([]);
      expect(await store.listMetrics('run-2')).toEqual(metrics.slice(0, 1));
    });

    it('cache: get after put, undefined when missing, and put on an existing key replaces it', async () => {
      const entry = makeCacheEntry();
      expect(await store.cacheGet(entry.key)).toBeUndefined();
      await store.cachePut(entry);
      expect(await store.cacheGet(entry.key)).toEqual(entry);
      const output = { text: 'new', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 2 } } as const;
      const newer = makeCacheEntry({ model: 'gpt-y', output });
      await store.cachePut(newer);
      expect(await store.cacheGet(entry.key)).toEqual(newer);
    });

    it('labels: every table has a NOT NULL label defaulting to UNCLASSIFIED; derived rows inherit', async () => {
      const all = await retryOnConcurrentDdl(() => store.db.introspection.getTables());
      const tables = all.filter((t) => h.schema === undefined || t.schema === h.schema);
      // The eval store's own tables, plus whatever later domains add (ds_*, label_*, synth_*, …): all must be labelled.
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining(['api_tokens', 'audit_checkpoints', 'audit_log', 'metrics', 'model_calls', 'response_cache', 'runs', 'sample_results', 'scores', 'users', 'synth_sets', 'synth_items', 'label_tasks', 'label_items', 'label_assignments', 'label_annotations', 'label_reviews', 'label_change_requests', 'ds_datasets', 'ds_ingests', 'ds_documents', 'ds_chunks', 'ds_errors', 'ds_versions', 'ds_version_documents', 'ds_version_chunks']),
      );
      expect(tables.length).toBeGreaterThanOrEqual(12);
      for (const t of tables) {
        const label = t.columns.find((c) => c.name === 'label');
        expect(label, t.name).toMatchObject({ isNullable: false, hasDefaultValue: true });
      }

      await store.createRun(makeRun({ label: DEFAULT_LABEL }));
      await store.createRun(makeRun({ id: 'run-s', label: 'SECRET' }));
      expect((await store.getRun('run-1'))?.label).toBe('UNCLASSIFIED');
      // An empty label is never stored blank.
      await store.createRun(makeRun({ id: 'run-blank', label: '' }));
      expect((await store.getRun('run-blank'))?.label).toBe('UNCLASSIFIED');

      await store.saveSampleResult(makeResult('run-s', 's1', 1, { label: 'SECRET' }));
      await store.saveMetrics('run-s', makeMetrics());
      await store.cachePut(makeCacheEntry());
      const labels = async (table: 'scores' | 'model_calls' | 'metrics' | 'response_cache') =>
        new Set((await store.db.selectFrom(table).select('label').execute()).map((r) => r.label));
      expect(await labels('scores')).toEqual(new Set(['SECRET']));
      expect(await labels('model_calls')).toEqual(new Set(['SECRET']));
      expect(await labels('metrics')).toEqual(new Set(['SECRET']));
      expect(await labels('response_cache')).toEqual(new Set(['UNCLASSIFIED']));
    });

    it('seals every registered column at rest (no plaintext in the rows) and binds each token to its row', async () => {
      await store.createRun(makeRun({ error: 'model said: the canary sings' }));
      await store.saveSampleResult(makeResult('run-1', 's1', 1));
      await store.saveSampleResult(makeErrorResult('run-1', 's2', 1));
      await store.cachePut(makeCacheEntry());
      let sealed = 0;
      for (const [table, { columns }] of Object.entries(STORE_SEALED_COLUMNS)) {
        for (const column of columns) {
          expect(ENCRYPTED_COLUMNS, `${table}.${column} registered`).toContainEqual({ table, column, rowId: [...STORE_SEALED_COLUMNS[table as keyof typeof STORE_SEALED_COLUMNS].rowId] });
          const { rows } = await sql<{ v: string | null }>`select ${sql.ref(column)} as v from ${sql.table(table)}`.execute(store.db);
          for (const { v } of rows) {
            if (v === null) continue;
            expect(isFieldToken(v), `${table}.${column}: ${v.slice(0, 20)}`).toBe(true);
            sealed += 1;
          }
        }
      }
      // Run error 1; s1: sample, messages, output; s2: sample, messages, error; 2 scores: 2 explanations, 1 answer,
      // 1 metadata; 3 calls: 3 requests, 2 outputs, 1 error; the cache entry 1.
      expect(sealed).toBe(18);
      // A token copied onto another row fails authentication instead of reading as that row's data.
      const s1 = await store.db.selectFrom('sample_results').select('output').where('sample_id', '=', 's1').executeTakeFirstOrThrow();
      await store.saveSampleResult(makeResult('run-1', 's3', 1));
      await store.db.updateTable('sample_results').set({ output: s1.output }).where('sample_id', '=', 's3').execute();
      const err = await expectStoreError(store.listSampleResults('run-1'), 'STORE_FAILURE');
      expect(err.message).toContain('sample_results.output of row run-1:s3:1');
      expect(err.message).toMatch(/AAD mismatch/);
    });

    it('an aborted signal stops a call before it writes', async () => {
      await store.createRun(makeRun());
      const controller = new AbortController();
      controller.abort();
      const save = store.saveSampleResult(makeResult('run-1', 's1', 1), { signal: controller.signal });
      await expectStoreError(save, 'ABORTED');
      expect(await store.listSampleResults('run-1')).toEqual([]);
    });

    it('close: data persists across reopen; calls after close fail; close twice is fine', async () => {
      await store.createRun(makeRun());
      await store.saveSampleResult(makeResult('run-1', 's1', 1));
      await store.close();
      await store.close();
      expect((await expectStoreError(store.getRun('run-1'), 'STORE_FAILURE')).message).toMatch(/closed/);
      store = await h.reopen();
      expect(await store.getRun('run-1')).toEqual(makeRun());
      expect(await store.listSampleResults('run-1')).toEqual([makeResult('run-1', 's1', 1)]);
    });
  });
}

describe('Store parity', () => {
  it('the same data written to SQLite and PostgreSQL reads back identically', async () => {
    const harnesses = [await sqliteHarness(), await postgresHarness()];
    try {
      const reads = [];
      for (const { store } of harnesses) {
        await store.createRun(makeRun({ label: 'SECRET' }));
        const finishedAt = '2025-01-03T00:00:00.000Z';
        await store.updateRun('run-1', { status: 'completed', metrics: { a: [1, 2.5, null, 'x'] }, finishedAt });
        for (const id of ['z', 'a', 'M', '10', '9']) await store.saveSampleResult(makeResult('run-1', id, 1));
        await store.saveSampleResult(makeErrorResult('run-1', 'err', 3));
        await store.saveMetrics('run-1', makeMetrics());
        await store.cachePut(makeCacheEntry());
        reads.push({
          runs: await store.listRuns(),
          results: await store.listSampleResults('run-1'),
          keys: [...(await store.completedSampleKeys('run-1'))].sort(),
          metrics: await store.listMetrics('run-1'),
          cache: await store.cacheGet(makeCacheEntry().key),
        });
      }
      expect(reads[1]).toEqual(reads[0]);
      expect(reads[0]?.results.map((r) => r.sampleId)).toEqual(['10', '9', 'M', 'a', 'err', 'z']);
    } finally {
      for (const h of harnesses) {
        await h.store.close();
        await h.cleanup();
      }
    }
  });
});
