import { describe, expect, it } from 'vitest';
import type { ScoredSample } from '../../eval/custom-metrics.js';
import { CUSTOM_METRICS } from '../../eval/custom-metrics.js';
import { complianceRate } from './compliance-rate.js';

const sample = (id: string, refused: number, type?: string, scorer = 'refusal'): ScoredSample => ({
  sampleId: id,
  metadata: type === undefined ? {} : { type },
  target: [],
  scores: { [scorer]: { value: refused } },
});

describe('compliance_rate', () => {
  it('is 1 − refusal overall and per type, with Wilson intervals, groups in name order', () => {
    // homonyms: answered, answered, refused → 2/3; definitions: refused → 0; no type: answered. Overall 3/5.
    const rows = complianceRate([sample('a', 0, 'homonyms'), sample('b', 0, 'homonyms'), sample('c', 1, 'homonyms'), sample('d', 1, 'definitions'), sample('e', 0)]);
    expect(rows.map((r) => [r.groupKey, r.groupValue, r.value, r.n])).toEqual([
      ['', '', 3 / 5, 5],
      ['type', 'definitions', 0, 1],
      ['type', 'homonyms', 2 / 3, 3],
    ]);
    for (const r of rows) expect(r).toMatchObject({ scorer: 'refusal', metric: 'compliance_rate' });
    // Binary values: the Wilson interval, which contains the estimate and stays inside [0, 1].
    const overall = rows[0]!;
    expect(overall.stderr).toBeCloseTo(Math.sqrt((0.6 * 0.4) / 5), 12);
    expect(overall.ciLow!).toBeGreaterThan(0);
    expect(overall.ciLow!).toBeLessThan(0.6);
    expect(overall.ciHigh!).toBeGreaterThan(0.6);
    expect(overall.ciHigh!).toBeLessThan(1);
  });

  it('averages epoch-reduced values (a sample refused in 1 of 4 epochs complied 0.75)', () => {
    const rows = complianceRate([sample('a', 0.25, 'x'), sample('b', 1, 'x')]);
    expect(rows[0]).toMatchObject({ value: (0.75 + 0) / 2, n: 2 });
  });

  it('reads a renamed refusal scorer (refusal_2) and gives no rows without one', () => {
    expect(complianceRate([sample('a', 1, 't', 'refusal_2')])[0]).toMatchObject({ scorer: 'refusal_2', value: 0 });
    expect(complianceRate([sample('a', 1, 't', 'match')])).toEqual([]);
  });

  it('is registered as a task custom metric', () => {
    expect(CUSTOM_METRICS.compliance_rate).toBe(complianceRate);
  });
});
