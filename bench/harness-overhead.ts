// Harness overhead: N samples through the whole engine (dataset → solver → model call → scorer → store → metrics)
// against the mock model server at 0 ms latency; reports samples per second and peak memory.
// Usage: npm run bench:harness -- [--samples 10000] [--concurrency 64] [--provider openai-compatible|http|mock] [--store sqlite|postgres]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runEval } from '../src/eval/run-eval.js';
import { parseModelRef, type ModelRef } from '../src/model/model-ref.js';
import { openStore } from '../src/store/open-store.js';
import { defineTask } from '../src/task/index.js';
import { startMockServer } from '../test/helpers/mock-model-server.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '64' },
    provider: { type: 'string', default: 'openai-compatible' },
    store: { type: 'string', default: 'sqlite' },
  },
});
const n = Number(values.samples);
const concurrency = Number(values.concurrency);

const dir = mkdtempSync(path.join(tmpdir(), 'assay-bench-'));
const data = path.join(dir, 'data.jsonl');
writeFileSync(data, Array.from({ length: n }, (_, i) => JSON.stringify({ id: `s${i}`, input: `Question ${i}: repeat this sentence back.`, target: `Question ${i}` })).join('\n') + '\n');

const server = values.provider === 'mock' ? undefined : await startMockServer({ latencyMs: 0 });
const schema = `assay_bench_${process.pid}`;
const store = await openStore(values.store === 'postgres' ? { databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', schema } : { home: dir, databaseUrl: undefined });

const model: ModelRef =
  values.provider === 'mock'
    ? parseModelRef('mock/echo')
    : values.provider === 'http'
      ? parseModelRef('http/bench', { url: `${server!.baseUrl}/generate`, body_template: '{"prompt": {{prompt}}}', response_path: 'output' })
      : parseModelRef('openai-compatible/bench', { base_url: server!.openaiBaseUrl, max_retries: '0' });

const task = defineTask({ name: 'harness-overhead', dataset: { path: data }, scorers: [{ type: 'includes' }] });
let peakRss = 0;
let peakHeap = 0;
const sampleMemory = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const timer = setInterval(sampleMemory, 50);
const t0 = performance.now();
const result = await runEval({ task, baseDir: dir, source: data, store, model, concurrency, cache: true });
const seconds = (performance.now() - t0) / 1000;
clearInterval(timer);
sampleMemory();
await store.close();
await server?.stop();
if (values.store === 'postgres') {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/test' });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
}
rmSync(dir, { recursive: true, force: true });

const mb = (b: number) => Math.round(b / 2 ** 20);
const out = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} MiB, node ${process.version}`,
  provider: values.provider,
  store: values.store,
  samples: n,
  concurrency,
  status: result.status,
  completed: result.samples.completed,
  errored: result.samples.errored,
  seconds: Number(seconds.toFixed(2)),
  samplesPerSecond: Number((n / seconds).toFixed(0)),
  peakRssMiB: mb(peakRss),
  peakHeapMiB: mb(peakHeap),
  accuracy: result.metrics.includes?.accuracy?.value,
};
console.log(JSON.stringify(out, null, 2));
if (result.samples.completed !== n) process.exitCode = 1;
