import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics.js';
import { groupBy } from './group-by.js';

const Z95 = 1.959963984540054;

describe('groupBy', () => {
  it('groups in first-seen order', () => {
    const g = groupBy(['a1', 'b1', 'a2'], (s) => s[0]!);
    expect([...g.entries()]).toEqual([
      ['a', ['a1', 'a2']],
      ['b', ['b1']],
    ]);
  });
});

describe('computeMetrics', () => {
  const items = [
    { value: 1, metadata: { subject: 'math', level: 2 } },
    { value: 0, metadata: { subject: 'math', level: 10 } },
    { value: 1, metadata: { subject: 'art', level: 2 } },
    { value: 1, metadata: { level: 2 } },
  ];

  it('gives the overall accuracy, then one row per group value with (none) last', () => {
    const rows = computeMetrics({ scorer: 'match', kind: 'binary', items, groupBy: ['subject', 'level'] });
    expect(rows.map((r) => [r.groupKey, r.groupValue, r.n, r.value])).toEqual([
      ['', '', 4, 0.75],
      ['subject', 'art', 1, 1],
      ['subject', 'math', 2, 0.5],
      ['subject', '(none)', 1, 1],
      ['level', '2', 3, 1],
      ['level', '10', 1, 0],
    ]);
    const overall = rows[0]!;
    expect(overall.metric).toBe('accuracy');
    expect(overall.scorer).toBe('match');
    expect(overall.stderr).toBeCloseTo(Math.sqrt((0.75 * 0.25) / 4), 12);
    const denom = 1 + (Z95 * Z95) / 4;
    const centre = (0.75 + (Z95 * Z95) / 8) / denom;
    const half = (Z95 / denom) * Math.sqrt(0.046875 + (Z95 * Z95) / 64);
    expect(overall.ciLow).toBeCloseTo(centre - half, 12);
    expect(overall.ciHigh).toBeCloseTo(centre + half, 12);
  });

  it('names continuous metrics `mean` and leaves undefined error bars null', () => {
    const rows = computeMetrics({
      scorer: 'judge',
      kind: 'continuous',
      items: [
        { value: 0.5, metadata: { g: 'a' } },
        { value: 1, metadata: { g: 'b' } },
      ],
      groupBy: ['g'],
    });
    expect(rows[0]).toMatchObject({ metric: 'mean', value: 0.75, n: 2 });
    // Σ(s − .75)² = .125; stderr = sqrt(.125 / 2) = 0.25.
    expect(rows[0]!.stderr).toBeCloseTo(0.25, 12);
    expect(rows[1]).toEqual({ scorer: 'judge', metric: 'mean', groupKey: 'g', groupValue: 'a', value: 0.5, stderr: null, ciLow: null, ciHigh: null, n: 1 });
  });

  it('uses clustered error bars when items carry clusters', () => {
    const rows = computeMetrics({
      scorer: 's',
      kind: 'continuous',
      items: [
        { value: 1, metadata: {}, cluster: 'x' },
        { value: 2, metadata: {}, cluster: 'x' },
        { value: 3, metadata: {}, cluster: 'y' },
        { value: 4, metadata: {}, cluster: 'y' },
      ],
      groupBy: [],
    });
    // Mean 2.5; cluster sums −2, 2 → stderr = sqrt(2/1) · sqrt(8) / 4 = 1.
    expect(rows).toHaveLength(1);
    expect(rows[0]!.stderr).toBeCloseTo(1, 12);
  });

  it('returns no rows for no items', () => {
    expect(computeMetrics({ scorer: 's', kind: 'binary', items: [], groupBy: ['x'] })).toEqual([]);
  });
});
