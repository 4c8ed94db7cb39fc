// The benchmark registry: every benchmark builds its standard task, `<name>:<file>` resolves, and the dataset
// pipeline (shuffle, limit, hash) works on benchmark files as on any other.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { benchmarkArg } from '../../src/benchmarks/benchmark-arg.js';
import { BENCHMARK_NAMES } from '../../src/benchmarks/names.js';
import { BENCHMARKS } from '../../src/benchmarks/registry.js';
import { loadDataset } from '../../src/dataset/index.js';
import { AssayError } from '../../src/errors/index.js';
import { CUSTOM_METRICS } from '../../src/eval/custom-metrics.js';
import { resolveTask } from '../../src/eval/resolve-task.js';
import { ScorerSpecSchema } from '../../src/task/task-spec.js';

const FIX = path.resolve(import.meta.dirname, '../fixtures/benchmarks');
const SCORER_TYPES = new Set<string>(ScorerSpecSchema.options.map((o) => o.shape.type.value));
const SAFETY_SCORED = new Set(['xstest', 'harmbench', 'strongreject', 'advbench', 'jailbreakbench', 'ailuminate']);

describe('benchmark tasks', () => {
  for (const name of BENCHMARK_NAMES) {
    const scorer = name === 'strongreject' ? 'strongreject' : 'refusal';
    const waiting = SAFETY_SCORED.has(name) && !SCORER_TYPES.has(scorer);
    const title = waiting ? `${name}: says clearly that its "${scorer}" scorer is missing from this build` : `${name}: builds a valid task over the file, reporting its published metric`;
    it(title, () => {
      const file = path.resolve('/data', `${name}.file`);
      if (waiting) {
        expect(() => BENCHMARKS[name].task(file)).toThrow(expect.objectContaining({ code: 'TASK_INVALID', message: expect.stringContaining(`"${scorer}" scorer`) }));
        return;
      }
      const task = BENCHMARKS[name].task(file);
      expect(task.name).toBe(name);
      expect(task.dataset).toMatchObject({ path: file, benchmark: name, format: BENCHMARKS[name].format });
      expect(task.metrics.custom).toEqual([name]);
      expect(Object.hasOwn(CUSTOM_METRICS, name)).toBe(true);
      if (SAFETY_SCORED.has(name)) expect(task.scorers.map((s) => s.type)).toEqual([scorer]);
    });
  }
});

describe('<benchmark>:<file> arguments', () => {
  it('splits a known name from its file, and leaves other arguments alone', () => {
    expect(benchmarkArg('gsm8k:data/test.jsonl')).toEqual({ name: 'gsm8k', file: 'data/test.jsonl' });
    expect(benchmarkArg('truthfulqa-mc1:/abs/TruthfulQA.csv')).toEqual({ name: 'truthfulqa-mc1', file: '/abs/TruthfulQA.csv' });
    expect(benchmarkArg('data/test.jsonl')).toBeUndefined();
    expect(benchmarkArg('C:\\data\\test.csv')).toBeUndefined();
  });

  it('an unknown name is a USAGE error that lists the benchmarks', () => {
    const err = (() => {
      try {
        benchmarkArg('gsm9k:data/test.jsonl');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AssayError);
    expect(err).toMatchObject({ code: 'USAGE', message: expect.stringContaining('"gsm9k"') });
    expect((err as AssayError).hint).toContain(BENCHMARK_NAMES.join(', '));
  });

  it('resolves to the benchmark task; a missing file is NOT_FOUND', async () => {
    const file = path.join(FIX, 'mmlu/astronomy_test.csv');
    const resolved = await resolveTask(`mmlu:${file}`);
    expect(resolved).toMatchObject({ baseDir: path.dirname(file), source: `mmlu:${file}`, task: { name: 'mmlu', dataset: { benchmark: 'mmlu', path: file } } });
    await expect(resolveTask(`mmlu:${path.join(FIX, 'nope.csv')}`)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(resolveTask('nosuch:file.csv')).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('benchmark datasets in the dataset pipeline', () => {
  const spec = { path: 'mmlu/astronomy_test.csv', benchmark: 'mmlu' as const };

  it('shuffles and limits like any dataset', async () => {
    const all = await loadDataset(spec, { baseDir: FIX });
    const some = await loadDataset({ ...spec, shuffle: { seed: 3 }, limit: 2 }, { baseDir: FIX });
    expect(some.samples).toHaveLength(2);
    expect(all.samples.map((s) => s.id)).toEqual(expect.arrayContaining(some.samples.map((s) => s.id)));
  });

  it('hashes the benchmark into the dataset hash: stable across loads, different from other readings of the file', async () => {
    const a = await loadDataset(spec, { baseDir: FIX });
    const b = await loadDataset(spec, { baseDir: FIX });
    const plain = await loadDataset({ path: spec.path, fields: { input: 'question' } }, { baseDir: FIX });
    expect(a.hash).toBe(b.hash);
    expect(plain.hash).not.toBe(a.hash);
    // The same bytes read as another benchmark (mostly rejected rows) hash differently too.
    const other = await loadDataset({ ...spec, benchmark: 'advbench' }, { baseDir: FIX });
    expect(other.hash).not.toBe(a.hash);
  });
});
