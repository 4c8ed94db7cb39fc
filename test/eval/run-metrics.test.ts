// Metrics over stored results: a task-level metric that is undefined on the data is left out, never stored as NaN.
import { describe, expect, it } from 'vitest';
import { computeRunMetrics } from '../../src/eval/run-metrics.js';
import type { SampleResultRecord } from '../../src/store/records.js';

function result(id: string, answer: string, value: number): SampleResultRecord {
  return {
    runId: 'r', sampleId: id, epoch: 1, status: 'completed', messages: [], output: answer, calls: [], label: 'UNCLASSIFIED',
    startedAt: '', completedAt: '',
    sample: { id, input: 'q', target: 'A', label: 'UNCLASSIFIED', metadata: { context_condition: 'disambig', question_polarity: 'neg', unknown_index: 2, target_index: 0 } },
    scores: [{ scorer: 'choice', value, answer, explanation: '' }],
  };
}

describe('computeRunMetrics', () => {
  it('drops a custom metric row whose value is undefined (BBQ bias when every answer is "unknown")', () => {
    const results = [result('a', 'C', 0), result('b', 'C', 0)];
    const rows = computeRunMetrics({ results, scorers: [{ name: 'choice', kind: 'binary' }], epochs: { count: 1, reducer: 'mean' }, metrics: { groupBy: [], custom: ['bbq'] } });
    expect(rows.every((r) => Number.isFinite(r.value))).toBe(true);
    expect(rows.find((r) => r.scorer === 'bbq' && r.metric === 'accuracy_disambig')?.value).toBe(0);
    expect(rows.find((r) => r.metric === 'bias_disambig')).toBeUndefined();
  });
});
