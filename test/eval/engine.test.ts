// The evaluation engine end to end against a real mock model server in its own process, on SQLite and PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../src/eval/compare.js';
import { resolveTask } from '../../src/eval/resolve-task.js';
import { runEval, type EvalResult } from '../../src/eval/run-eval.js';
import { parseModelRef } from '../../src/model/model-ref.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { startMockServer, type MockServer } from '../helpers/mock-model-server.js';

const FIX = path.resolve(import.meta.dirname, '../fixtures/eval');
const Z = 1.959963984540054;

/** Wilson score interval, written out from its definition. */
function wilson(p: number, n: number): [number, number] {
  const denom = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denom;
  const half = (Z / denom) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return [centre - half, centre + half];
}

let serverA: MockServer;
let serverB: MockServer;
let home: string;
let sqlite: Store;
let pg: Store;
const pgSchema = `assay_engine_${process.pid}_${Date.now()}`;

beforeAll(async () => {
  [serverA, serverB] = await Promise.all([
    startMockServer({ answersFile: path.join(FIX, 'answers-a.jsonl') }),
    startMockServer({ answersFile: path.join(FIX, 'answers-b.jsonl') }),
  ]);
  home = mkdtempSync(path.join(tmpdir(), 'assay-engine-'));
  sqlite = await openStore({ home, databaseUrl: undefined });
  pg = await openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', schema: pgSchema });
});

afterAll(async () => {
  await Promise.all([serverA?.stop(), serverB?.stop(), sqlite?.close()]);
  if (pg) {
    await pg.close();
    const { default: pgLib } = await import('pg');
    const client = new pgLib.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${pgSchema}" CASCADE`);
    await client.end();
  }
  rmSync(home, { recursive: true, force: true });
});

async function run(store: Store, server: MockServer, extra: { epochs?: number; cache?: boolean; task?: string } = {}): Promise<EvalResult> {
  const task = await resolveTask(path.join(FIX, extra.task ?? 'arith-task.yaml'));
  return runEval({
    ...task,
    store,
    model: parseModelRef('openai-compatible/mock-model', { base_url: server.openaiBaseUrl, max_retries: '0' }),
    concurrency: 4,
    epochs: extra.epochs,
    cache: extra.cache,
  });
}

describe('a run with known answers', () => {
  let first: EvalResult;

  it('gives exactly the expected accuracy, standard error and Wilson interval', async () => {
    first = await run(sqlite, serverA);
    expect(first.status).toBe('completed');
    expect(first.samples).toEqual({ total: 10, completed: 10, errored: 0 });
    const acc = first.metrics.includes!.accuracy!;
    expect(acc.value).toBeCloseTo(0.7, 12);
    expect(acc.stderr).toBeCloseTo(Math.sqrt((0.7 * 0.3) / 10), 12);
    const [lo, hi] = wilson(0.7, 10);
    expect(acc.ci![0]).toBeCloseTo(lo, 10);
    expect(acc.ci![1]).toBeCloseTo(hi, 10);
    expect(acc.n).toBe(10);
    // Group breakdown: q01–q05 are "small" (all right), q06–q10 "large" (q06, q07 right).
    const small = first.groups.find((g) => g.key === 'group' && g.group === 'small')!;
    const large = first.groups.find((g) => g.key === 'group' && g.group === 'large')!;
    expect(small.value).toBe(1);
    expect(large.value).toBeCloseTo(0.4, 12);
    expect(large.ci![0]).toBeCloseTo(wilson(0.4, 5)[0], 10);
  });

  it('keeps every sample with its transcript, model call and score', async () => {
    const results = await sqlite.listSampleResults(first.runId);
    expect(results).toHaveLength(10);
    const q08 = results.find((r) => r.sampleId === 'q08')!;
    expect(q08.messages.at(-1)).toEqual({ role: 'assistant', content: 'The answer is 39' });
    expect(q08.scores[0]).toMatchObject({ scorer: 'includes', value: 0 });
    expect(q08.scores[0]!.explanation.length).toBeGreaterThan(0);
    expect(q08.calls).toHaveLength(1);
    expect(q08.calls[0]!.inputTokens).toBeGreaterThan(0);
    expect(q08.label).toBe('UNCLASSIFIED');
    const stored = await sqlite.getRun(first.runId);
    expect(stored?.status).toBe('completed');
  });

  it('a second identical run makes zero model calls (response cache)', async () => {
    const before = (await serverA.stats()).requests;
    const again = await run(sqlite, serverA);
    expect((await serverA.stats()).requests).toBe(before);
    expect(again.calls).toEqual({ live: 0, cached: 10 });
    expect(again.metrics).toEqual(first.metrics);
  });

  it('caches per epoch, so epochs are real repeats', async () => {
    const before = (await serverA.stats()).requests;
    const three = await run(sqlite, serverA, { epochs: 3, cache: true });
    // epoch 1 is cached from the earlier runs; epochs 2 and 3 are new calls
    expect((await serverA.stats()).requests - before).toBe(20);
    expect(three.metrics.includes!.accuracy!.value).toBeCloseTo(0.7, 12);
  });

  it('gives identical results on PostgreSQL', async () => {
    const onPg = await run(pg, serverA, { cache: false });
    expect(onPg.metrics).toEqual(first.metrics);
    expect(onPg.groups).toEqual(first.groups);
    const strip = (rs: Awaited<ReturnType<Store['listSampleResults']>>) =>
      rs.map((r) => ({ id: r.sampleId, status: r.status, messages: r.messages, scores: r.scores, output: r.output }));
    expect(strip(await pg.listSampleResults(onPg.runId))).toEqual(strip(await sqlite.listSampleResults(first.runId)));
    expect(await pg.listMetrics(onPg.runId)).toEqual(await sqlite.listMetrics(first.runId));
  });

  it('compare gives the expected paired difference', async () => {
    const b = await run(sqlite, serverB);
    const cmp = await compareRuns(sqlite, first.runId, b.runId);
    const c = cmp.comparisons.find((x) => x.scorer === 'includes')!;
    // d = b − a = [0,0,0,0,0,0,−1,1,1,1]: mean 0.2; sample variance 3.6/9 = 0.4; SE = sqrt(0.4/10) = 0.2
    expect(c.n).toBe(10);
    expect(c.meanA).toBeCloseTo(0.7, 12);
    expect(c.meanB).toBeCloseTo(0.9, 12);
    expect(c.diff).toBeCloseTo(0.2, 12);
    expect(c.stderr).toBeCloseTo(0.2, 12);
    const t9 = 2.2621571627409915; // t(0.975, 9)
    expect(c.ci![0]).toBeCloseTo(0.2 - t9 * 0.2, 8);
    expect(c.ci![1]).toBeCloseTo(0.2 + t9 * 0.2, 8);
  });
});

describe('tasks written in TypeScript', () => {
  it('a .ts task module runs like its YAML twin', async () => {
    const task = await resolveTask(path.join(FIX, 'arith-task.ts'));
    expect(task.task.name).toBe('arith-ts');
    const r = await runEval({ ...task, store: sqlite, model: parseModelRef('openai-compatible/mock-model', { base_url: serverA.openaiBaseUrl }) });
    expect(r.metrics.includes!.accuracy!.value).toBeCloseTo(0.7, 12);
  });
});

describe('bad input and failing models', () => {
  it('reports broken dataset rows with their line and runs the rest', async () => {
    const notices: string[] = [];
    const task = await resolveTask(path.join(FIX, 'broken.jsonl'), { scorer: 'includes' });
    const r = await runEval({ ...task, store: sqlite, model: parseModelRef('mock/echo'), onNotice: (m) => notices.push(m) });
    expect(r.samples.total).toBe(2);
    expect(r.rejectedRows).toBe(2);
    expect(notices.join('\n')).toMatch(/row 2 \(line 2\)/);
    expect(notices.join('\n')).toMatch(/row 3 \(line 3\) field "input"/);
  });

  it('an unreachable endpoint gives a per-sample error record and a failed run', async () => {
    const task = await resolveTask(path.join(FIX, 'arith-task.yaml'));
    const r = await runEval({ ...task, store: sqlite, limit: 3, cache: false, model: parseModelRef('openai-compatible/x', { base_url: 'http://127.0.0.1:9/v1', max_retries: '0' }) });
    expect(r.status).toBe('failed');
    expect(r.samples).toEqual({ total: 3, completed: 0, errored: 3 });
    expect(r.error).toMatch(/^MODEL_UNREACHABLE/);
    const results = await sqlite.listSampleResults(r.runId);
    expect(results.map((x) => x.status)).toEqual(['error', 'error', 'error']);
    expect(results[0]!.error!.message).toContain('127.0.0.1:9');
  });

  it('a provider that returns garbage gives per-sample errors, not a crash', async () => {
    const garbage = await startMockServer({ mode: 'garbage' });
    try {
      const task = await resolveTask(path.join(FIX, 'arith-task.yaml'));
      const r = await runEval({ ...task, store: sqlite, limit: 2, cache: false, model: parseModelRef('openai-compatible/x', { base_url: garbage.openaiBaseUrl, max_retries: '0' }) });
      expect(r.samples.errored).toBe(2);
      const results = await sqlite.listSampleResults(r.runId);
      expect(results.every((x) => x.error?.code === 'MODEL_BAD_RESPONSE')).toBe(true);
    } finally {
      await garbage.stop();
    }
  });
});
