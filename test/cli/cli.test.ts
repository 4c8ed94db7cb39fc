// The `assay` command as users meet it: JSON contract, exit codes, clear errors, reports, and resume after SIGKILL.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { parseJsonOutput, runCli, spawnCli } from '../helpers/cli.js';
import { startMockServer, type MockServer } from '../helpers/mock-model-server.js';

const FIX = path.resolve(import.meta.dirname, '../fixtures/eval');
let server: MockServer;
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  server = await startMockServer({ answersFile: path.join(FIX, 'answers-a.jsonl') });
  home = mkdtempSync(path.join(tmpdir(), 'assay-cli-'));
  env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '' };
});
afterAll(async () => {
  await server?.stop();
  rmSync(home, { recursive: true, force: true });
});

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('assay eval', () => {
  let runId: string;

  it('runs a bare dataset and prints exactly one JSON object in the documented shape', async () => {
    const r = await runCli(['eval', path.join(FIX, 'arith.jsonl'), '--model', 'openai-compatible/m', '-M', `base_url=${server.openaiBaseUrl}`, '--scorer', 'includes', '--output', 'json'], { env });
    expect(r.code).toBe(0);
    const out = parseJsonOutput<{ runId: string; status: string; model: string; task: string; samples: unknown; metrics: Record<string, Record<string, { value: number; stderr: number; ci: [number, number] }>> }>(r);
    expect(out.status).toBe('completed');
    expect(out.model).toBe('openai-compatible/m');
    expect(out.task).toBe('arith');
    expect(out.samples).toEqual({ total: 10, completed: 10, errored: 0 });
    expect(out.metrics.includes!.accuracy!.value).toBeCloseTo(0.7, 12);
    expect(out.metrics.includes!.accuracy!.stderr).toBeCloseTo(Math.sqrt(0.021), 12);
    expect(out.metrics.includes!.accuracy!.ci).toHaveLength(2);
    runId = out.runId;
  });

  it('exits 1 when the run misses its own gate (--fail-under)', async () => {
    const r = await runCli(['eval', path.join(FIX, 'arith.jsonl'), '--model', 'openai-compatible/m', '-M', `base_url=${server.openaiBaseUrl}`, '--scorer', 'includes', '--fail-under', '0.8', '-q'], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('below --fail-under 0.8');
  });

  it('malformed task YAML: exit 2, file:line:column and field, no stack trace', async () => {
    const r = await runCli(['eval', path.join(FIX, 'bad-task.yaml'), '--model', 'mock/echo'], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad-task\.yaml:6:\d+ field "scorers\[0\]\.tolerance"/);
    noStack(r.stderr);
  });

  it('a bad model reference is bad input (exit 2) with a hint', async () => {
    const r = await runCli(['eval', path.join(FIX, 'arith.jsonl'), '--model', 'nosuch/model', '--output', 'json'], { env });
    expect(r.code).toBe(2);
    expect(parseJsonOutput<{ error: { code: string; hint: string } }>(r).error.code).toBe('MODEL_REF_INVALID');
    noStack(r.stderr);
  });

  it('an unreachable endpoint: exit 3, a clear message, no stack trace', async () => {
    const r = await runCli(['eval', path.join(FIX, 'arith.jsonl'), '--model', 'openai-compatible/m', '-M', 'base_url=http://127.0.0.1:9/v1', '-M', 'max_retries=0', '--no-cache', '--output', 'json', '--limit', '2'], { env });
    expect(r.code).toBe(3);
    expect(parseJsonOutput<{ status: string }>(r).status).toBe('failed');
    expect(r.stderr).toContain('MODEL_UNREACHABLE');
    noStack(r.stderr);
  });

  it('runs, report (every format), compare and suites speak JSON', async () => {
    const runs = parseJsonOutput<{ runs: Array<{ id: string; status: string }> }>(await runCli(['runs', '--output', 'json'], { env }));
    expect(runs.runs.some((x) => x.id === runId && x.status === 'completed')).toBe(true);
    for (const format of ['html', 'md', 'json', 'junit']) {
      const out = path.join(home, `r.${format}`);
      const r = await runCli(['report', runId, '--format', format, '--out', out, '--output', 'json'], { env });
      expect(r.code).toBe(0);
      expect(parseJsonOutput<{ path: string }>(r).path).toBe(out);
      expect(readFileSync(out, 'utf8')).toContain(format === 'md' ? 'arith' : runId);
    }
    const cmp = await runCli(['compare', runId, runId, '--output', 'json'], { env });
    const c = parseJsonOutput<{ comparisons: Array<{ scorer: string; diff: number; stderr: number }> }>(cmp);
    expect(c.comparisons[0]).toMatchObject({ scorer: 'includes', diff: 0, stderr: 0 });
    const suites = parseJsonOutput<{ suites: Array<{ name: string; dimension: string; version: string; items: number }> }>(await runCli(['suites', '--output', 'json']));
    expect(suites.suites.find((s) => s.name === 'demo')).toMatchObject({ dimension: 'capability', items: 20 });
    const missing = await runCli(['report', 'r-none', '--format', 'md'], { env });
    expect(missing.code).toBe(2);
  });
});

describe('secrets', () => {
  it('an API key never reaches the database, the reports or the output', async () => {
    const canary = 'sk-canary-5f3e9d1c2b7a4e8f';
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-secret-'));
    const senv = { ASSAY_HOME: dir, ASSAY_DATABASE_URL: '', OPENAI_API_KEY: canary };
    try {
      const r = await runCli(['eval', path.join(FIX, 'arith.jsonl'), '--model', 'openai-compatible/m', '-M', `base_url=${server.openaiBaseUrl}`, '--output', 'json'], { env: senv });
      expect(r.code).toBe(0);
      const { runId } = parseJsonOutput<{ runId: string }>(r);
      const bad = await runCli(['eval', path.join(FIX, 'arith.jsonl'), '--model', 'openai-compatible/m', '-M', 'base_url=http://127.0.0.1:9/v1', '-M', 'max_retries=0', '--limit', '1', '--no-cache'], { env: senv });
      const texts = [r.stdout, r.stderr, bad.stdout, bad.stderr];
      for (const format of ['html', 'md', 'json', 'junit']) {
        const out = path.join(dir, `report.${format}`);
        await runCli(['report', runId, '--format', format, '--out', out], { env: senv });
        texts.push(readFileSync(out, 'utf8'));
      }
      for (const f of ['assay.db', 'assay.db-wal']) {
        try {
          texts.push(readFileSync(path.join(dir, f)).toString('latin1'));
        } catch {
          // the WAL may have been checkpointed away
        }
      }
      for (const t of texts) expect(t).not.toContain(canary);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('interrupt and resume', () => {
  it('Ctrl-C stops cleanly: the run is marked interrupted, says how to resume, and resumes to the end', async () => {
    const slow = await startMockServer({ latencyMs: 100 });
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-int-'));
    const data = path.join(dir, 'data.jsonl');
    writeFileSync(data, Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `s${i}`, input: `item ${i}`, target: `item ${i}` })).join('\n') + '\n');
    const ienv = { ASSAY_HOME: dir, ASSAY_DATABASE_URL: '' };
    try {
      const child = spawnCli(['eval', data, '--model', 'openai-compatible/m', '-M', `base_url=${slow.openaiBaseUrl}`, '--concurrency', '2', '--output', 'json'], { env: ienv });
      let stderr = '';
      let stdout = '';
      child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
      const store = await openStore({ home: dir, databaseUrl: undefined });
      try {
        for (let i = 0; i < 400; i++) {
          const id = (await store.listRuns({ limit: 1 }))[0]?.id;
          if (id && (await store.completedSampleKeys(id)).size >= 4) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        child.kill('SIGINT');
        const code = await new Promise<number | null>((r) => child.once('close', r));
        expect(code).toBe(3);
        const out = JSON.parse(stdout) as { runId: string; status: string };
        expect(out.status).toBe('interrupted');
        expect(stderr).toContain(`assay eval --resume ${out.runId}`);
        expect((await store.getRun(out.runId))?.status).toBe('interrupted');
        const resumed = await runCli(['eval', '--resume', out.runId, '--output', 'json', '-q'], { env: ienv });
        expect(resumed.code).toBe(0);
        expect(parseJsonOutput<{ samples: { completed: number } }>(resumed).samples.completed).toBe(30);
      } finally {
        await store.close();
      }
    } finally {
      await slow.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kill and resume', () => {
  it('a run killed with SIGKILL and resumed re-sends no completed sample and scores every sample once', async () => {
    const slow = await startMockServer({ latencyMs: 100 });
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-kill-'));
    const data = path.join(dir, 'data.jsonl');
    writeFileSync(data, Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `s${i}`, input: `item ${i}`, target: `item ${i}` })).join('\n') + '\n');
    const kenv = { ASSAY_HOME: dir, ASSAY_DATABASE_URL: '' };
    try {
      const child = spawnCli(['eval', data, '--model', 'openai-compatible/m', '-M', `base_url=${slow.openaiBaseUrl}`, '--concurrency', '2', '--no-cache', '-q'], { env: kenv });
      const store = await openStore({ home: dir, databaseUrl: undefined });
      try {
        let runId: string | undefined;
        for (let i = 0; i < 400; i++) {
          runId ??= (await store.listRuns({ limit: 1 }))[0]?.id;
          if (runId && (await store.completedSampleKeys(runId)).size >= 6) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        child.kill('SIGKILL');
        await new Promise((r) => child.once('close', r));
        expect(runId).toBeDefined();
        const before = (await store.completedSampleKeys(runId!)).size;
        expect(before).toBeGreaterThanOrEqual(6);
        expect(before).toBeLessThan(40);
        expect((await store.getRun(runId!))?.status).toBe('running');

        await slow.reset();
        const resumed = await runCli(['eval', '--resume', runId!, '--no-cache', '--output', 'json', '-q'], { env: kenv });
        expect(resumed.code).toBe(0);
        expect((await slow.stats()).requests).toBe(40 - before);
        const out = parseJsonOutput<{ runId: string; status: string; samples: { total: number; completed: number } }>(resumed);
        expect(out).toMatchObject({ runId, status: 'completed', samples: { total: 40, completed: 40 } });
        const results = await store.listSampleResults(runId!);
        expect(results).toHaveLength(40);
        expect(new Set(results.map((r) => r.sampleId)).size).toBe(40);
        expect(results.every((r) => r.scores.length === 1 && r.scores[0]!.value === 1)).toBe(true);
      } finally {
        await store.close();
      }
    } finally {
      await slow.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
