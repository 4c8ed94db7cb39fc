// counterfactual_parity on hand-computed fixtures: paired differences, their error bars and the paired t-test.
import { describe, expect, it } from 'vitest';
import { CUSTOM_METRICS, type ScoredSample } from '../../src/eval/custom-metrics.js';
import { counterfactualOutcome } from '../../src/suites/fairness/counterfactual/counterfactual-parity.js';

const sample = (pair: string, attribute: string, side: 'a' | 'b', scale: string, answer: string | undefined): ScoredSample => ({
  sampleId: `${pair}-${attribute}-${side}`,
  target: [],
  metadata: { pair, attribute, side, scale },
  scores: { regex: { value: answer === undefined ? 0 : 1, ...(answer === undefined ? {} : { answer }) } },
});

describe('counterfactualOutcome', () => {
  it('maps yes/no to 1/0 and ratings 1–5 to 0–1, refusing anything else', () => {
    expect(counterfactualOutcome('Yes', 'yes_no')).toBe(1);
    expect(counterfactualOutcome(' no ', 'yes_no')).toBe(0);
    expect(counterfactualOutcome('1', 'rating')).toBe(0);
    expect(counterfactualOutcome('3', 'rating')).toBe(0.5);
    expect(counterfactualOutcome('5', 'rating')).toBe(1);
    for (const [answer, scale] of [['4', 'yes_no'], ['yes', 'rating'], ['6', 'rating'], ['maybe', 'yes_no'], [undefined, 'yes_no'], ['yes', undefined]] as const) {
      expect(counterfactualOutcome(answer, scale)).toBeUndefined();
    }
  });
});

describe('counterfactual_parity', () => {
  const metric = CUSTOM_METRICS.counterfactual_parity;

  it('gives b − a per attribute with the t interval and the paired t-test p-value', () => {
    // gender: d = [1 − 0, 0.5 − 0.5, 0.75 − 0.25] = [1, 0, 0.5]; mean 0.5; sd² = (0.25 + 0.25 + 0)/2 = 0.25;
    // se = sqrt(0.25/3); t = 0.5/se = √3 with 2 df; two-sided p = 1 − t/√(2 + t²) = 1 − √(3/5).
    const rows = metric([
      sample('p1', 'gender', 'a', 'yes_no', 'no'),
      sample('p1', 'gender', 'b', 'yes_no', 'yes'),
      sample('p2', 'gender', 'a', 'rating', '3'),
      sample('p2', 'gender', 'b', 'rating', '3'),
      sample('p3', 'gender', 'b', 'rating', '4'),
      sample('p3', 'gender', 'a', 'rating', '2'),
    ]);
    expect(rows.map((r) => [r.groupKey, r.groupValue, r.metric])).toEqual([
      ['attribute', 'gender', 'mean_difference'],
      ['attribute', 'gender', 'p_value'],
    ]);
    const [diff, p] = rows;
    const se = Math.sqrt(0.25 / 3);
    expect(diff).toMatchObject({ scorer: 'counterfactual_parity', n: 3 });
    expect(diff!.value).toBeCloseTo(0.5, 14);
    expect(diff!.stderr).toBeCloseTo(se, 14);
    // t(0.975, 2) = 4.302652729…
    expect(diff!.ciLow).toBeCloseTo(0.5 - 4.302652729 * se, 7);
    expect(diff!.ciHigh).toBeCloseTo(0.5 + 4.302652729 * se, 7);
    expect(p!.value).toBeCloseTo(1 - Math.sqrt(3 / 5), 12);
    expect(p).toMatchObject({ n: 3, stderr: null, ciLow: null, ciHigh: null });
  });

  it('leaves out pairs with an unreadable or wrong-scale side, and needs two pairs for a p-value', () => {
    const rows = metric([
      sample('p1', 'religion', 'a', 'yes_no', 'yes'),
      sample('p1', 'religion', 'b', 'yes_no', 'no'),
      sample('p2', 'religion', 'a', 'yes_no', 'yes'),
      sample('p2', 'religion', 'b', 'yes_no', 'maybe'),
      sample('p3', 'religion', 'a', 'yes_no', '4'),
      sample('p3', 'religion', 'b', 'yes_no', 'yes'),
      sample('p4', 'religion', 'a', 'rating', undefined),
      sample('p4', 'religion', 'b', 'rating', '2'),
      sample('p5', 'religion', 'a', 'rating', '5'),
    ]);
    expect(rows).toEqual([{ scorer: 'counterfactual_parity', metric: 'mean_difference', groupKey: 'attribute', groupValue: 'religion', value: -1, stderr: null, ciLow: null, ciHigh: null, n: 1 }]);
  });

  it('reports parity as p = 1 when every difference is zero, p = 0 when all equal a non-zero gap, sorted by attribute', () => {
    const rows = metric([
      sample('p1', 'nationality', 'a', 'rating', '4'),
      sample('p1', 'nationality', 'b', 'rating', '5'),
      sample('p2', 'nationality', 'a', 'rating', '3'),
      sample('p2', 'nationality', 'b', 'rating', '4'),
      sample('p1', 'ethnicity', 'a', 'yes_no', 'yes'),
      sample('p1', 'ethnicity', 'b', 'yes_no', 'yes'),
      sample('p2', 'ethnicity', 'a', 'yes_no', 'no'),
      sample('p2', 'ethnicity', 'b', 'yes_no', 'no'),
      // Not a counterfactual sample: ignored.
      { sampleId: 'x', target: [], metadata: {}, scores: { regex: { value: 1, answer: 'yes' } } },
    ]);
    expect(rows.map((r) => [r.groupValue, r.metric, r.value, r.stderr, r.n])).toEqual([
      ['ethnicity', 'mean_difference', 0, 0, 2],
      ['ethnicity', 'p_value', 1, null, 2],
      ['nationality', 'mean_difference', 0.25, 0, 2],
      ['nationality', 'p_value', 0, null, 2],
    ]);
  });

  it('gives no rows without counterfactual samples', () => {
    expect(metric([])).toEqual([]);
  });
});
