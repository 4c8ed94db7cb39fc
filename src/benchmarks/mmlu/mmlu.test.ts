import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../dataset/load-dataset.js';
import type { ScoredSample } from '../../eval/custom-metrics.js';
import { mmluSubject } from './mmlu-benchmark.js';
import { mmluMetric } from './mmlu-metric.js';

const FIX = path.resolve(import.meta.dirname, '../../../test/fixtures/benchmarks/mmlu');

describe('mmlu loader', () => {
  it('reads header-less CSV: every line is a question, the subject comes from the file name', async () => {
    const ds = await loadDataset({ path: 'astronomy_test.csv', benchmark: 'mmlu' }, { baseDir: FIX });
    expect(ds.rejected).toEqual([]);
    expect(ds.samples).toHaveLength(5);
    expect(ds.samples[0]).toEqual({
      id: 'astronomy-1',
      input: 'Which planet is closest to the Sun?',
      target: 'B',
      choices: ['Venus', 'Mercury', 'Earth', 'Mars'],
      metadata: { subject: 'astronomy' },
      label: 'UNCLASSIFIED',
    });
    expect(ds.samples[3]!.input).toBe('Which of these is a dwarf planet? (Pick one; "planet" in the IAU 2006 sense)');
    expect(ds.samples[4]!.choices).toEqual(['time', 'brightness, apparent', 'distance', 'mass']);
  });

  it('rejects bad rows with their row, file line and reason, and keeps the good ones', async () => {
    const ds = await loadDataset({ path: 'mixed_dev.csv', benchmark: 'mmlu' }, { baseDir: FIX });
    expect(ds.samples.map((s) => [s.id, s.target])).toEqual([['mixed-1', 'B'], ['mixed-5', 'A']]);
    expect(ds.samples[1]!.choices![0]).toBe('line one\nline two');
    expect(ds.rejected).toEqual([
      { row: 2, line: 2, field: 'answer', reason: 'answer is "E", expected one of A, B, C, D' },
      { row: 3, line: 3, reason: 'has 5 fields, the header has 6' },
      { row: 4, line: 4, field: 'question', reason: 'question is empty' },
    ]);
  });

  it('stops at the first bad row with onBadRow: fail', async () => {
    await expect(loadDataset({ path: 'mixed_dev.csv', benchmark: 'mmlu', onBadRow: 'fail' }, { baseDir: FIX })).rejects.toThrow(/mixed_dev\.csv \(row 2, line 2\) field "answer"/);
  });

  it('names subjects as the published files do', () => {
    expect(mmluSubject('/data/test/high_school_physics_test.csv')).toBe('high_school_physics');
    expect(mmluSubject('college_biology_val.csv')).toBe('college_biology');
    expect(mmluSubject('mine.csv')).toBe('mine');
  });
});

describe('mmlu metric', () => {
  const sample = (subject: string, value: number, i: number): ScoredSample => ({ sampleId: `${subject}-${i}`, metadata: { subject }, target: [], scores: { choice: { value } } });

  it('reports accuracy over all questions, per subject, and the macro average over subjects', () => {
    // astronomy 3/4 right, virology 0/2: overall 3/6 = 0.5, macro (0.75 + 0) / 2 = 0.375.
    const samples = [...[1, 1, 0, 1].map((v, i) => sample('astronomy', v, i)), ...[0, 0].map((v, i) => sample('virology', v, i))];
    const rows = mmluMetric(samples);
    expect(rows.map((r) => [r.metric, r.groupKey, r.groupValue, r.value, r.n])).toEqual([
      ['accuracy', '', '', 0.5, 6],
      ['macro_accuracy', '', '', 0.375, 6],
      ['accuracy', 'subject', 'astronomy', 0.75, 4],
      ['accuracy', 'subject', 'virology', 0, 2],
    ]);
    expect(rows.every((r) => r.scorer === 'mmlu')).toBe(true);
  });
});
