import { describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import { summarize, wilson } from './summarize.js';

const Z95 = 1.959963984540054;
// Table values of t(0.975, df).
const T975 = { 2: 4.302653, 3: 3.182446, 4: 2.776445, 7: 2.364624 } as const;

describe('summarize, binary', () => {
  it('gives p̂, the Bernoulli stderr and the Wilson interval', () => {
    const s = summarize([1, 0, 1, 1], { kind: 'binary' });
    expect(s.n).toBe(4);
    expect(s.value).toBe(0.75);
    // sqrt(0.75 · 0.25 / 4) = sqrt(0.046875)
    expect(s.stderr).toBeCloseTo(Math.sqrt(0.046875), 12);
    // Wilson: centre = (p + z²/2n)/(1 + z²/n), half = z/(1 + z²/n) · sqrt(p(1−p)/n + z²/4n²).
    const z2 = Z95 * Z95;
    const denom = 1 + z2 / 4;
    const centre = (0.75 + z2 / 8) / denom;
    const half = (Z95 / denom) * Math.sqrt(0.046875 + z2 / 64);
    expect(s.ci![0]).toBeCloseTo(centre - half, 12);
    expect(s.ci![1]).toBeCloseTo(centre + half, 12);
    expect(s.clusters).toBeUndefined();
  });

  it('matches published Wilson intervals (5/10 and 0/10)', () => {
    const half = wilson(0.5, 10, Z95);
    expect(half[0]).toBeCloseTo(0.2366, 4);
    expect(half[1]).toBeCloseTo(0.7634, 4);
    const none = summarize(new Array<number>(10).fill(0), { kind: 'binary' });
    expect(none.stderr).toBe(0);
    expect(none.ci![0]).toBe(0);
    expect(none.ci![1]).toBeCloseTo(0.2775, 4); // z²/(n + z²) = 3.8415/13.8415
  });

  it('gives a Wilson interval for a single sample', () => {
    // For 1/1 the lower bound is 1/(1 + z²).
    const s = summarize([1], { kind: 'binary' });
    expect(s.stderr).toBe(0);
    expect(s.ci![0]).toBeCloseTo(1 / (1 + Z95 * Z95), 12);
    expect(s.ci![1]).toBe(1);
  });

  it('uses the t interval, clipped to [0, 1], when binary values were averaged over epochs', () => {
    const s = summarize([0.5, 1, 0], { kind: 'binary' });
    expect(s.value).toBe(0.5);
    // Σ(s − s̄)² = 0 + 0.25 + 0.25 = 0.5; stderr = sqrt(0.5 / (3·2)).
    expect(s.stderr).toBeCloseTo(Math.sqrt(0.5 / 6), 12);
    // 0.5 ± 4.3027 · 0.2887 = 0.5 ± 1.242 → clipped.
    expect(s.ci).toEqual([0, 1]);
  });

  it('honours another confidence level', () => {
    const s = summarize([1, 0, 1, 1], { kind: 'binary', confidence: 0.9 });
    const z = 1.6448536269514722;
    const denom = 1 + (z * z) / 4;
    const centre = (0.75 + (z * z) / 8) / denom;
    expect((s.ci![0] + s.ci![1]) / 2).toBeCloseTo(centre, 10);
  });
});

describe('summarize, continuous', () => {
  it('gives the mean, the CLT stderr and a t interval', () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9], { kind: 'continuous' });
    expect(s.value).toBe(5);
    // Σ(s − 5)² = 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32; stderr = sqrt(32 / (8·7)) = sqrt(4/7).
    expect(s.stderr).toBeCloseTo(Math.sqrt(4 / 7), 12);
    expect(s.ci![0]).toBeCloseTo(5 - T975[7] * Math.sqrt(4 / 7), 5);
    expect(s.ci![1]).toBeCloseTo(5 + T975[7] * Math.sqrt(4 / 7), 5);
  });

  it('does not clip a continuous interval', () => {
    const s = summarize([-1, 1], { kind: 'continuous' });
    // mean 0, Σ = 2, stderr = sqrt(2/2) = 1, t(0.975,1) = 12.7062.
    expect(s.stderr).toBeCloseTo(1, 12);
    expect(s.ci![0]).toBeCloseTo(-12.7062, 4);
  });

  it('returns nulls for n = 0, and no stderr for n = 1', () => {
    expect(summarize([], { kind: 'continuous' })).toEqual({ value: null, stderr: null, ci: null, n: 0 });
    expect(summarize([], { kind: 'binary' })).toEqual({ value: null, stderr: null, ci: null, n: 0 });
    expect(summarize([0.4], { kind: 'continuous' })).toEqual({ value: 0.4, stderr: null, ci: null, n: 1 });
  });
});

describe('summarize, clustered', () => {
  it('uses the clustered stderr and t with C − 1 df (continuous)', () => {
    const s = summarize([1, 2, 3, 4, 5, 6], { kind: 'continuous', clusters: ['x', 'x', 'y', 'y', 'z', 'z'] });
    expect(s.clusters).toBe(3);
    expect(s.value).toBe(3.5);
    // Deviations −2.5 −1.5 | −0.5 0.5 | 1.5 2.5 → cluster sums −4, 0, 4 → Σ squares 32.
    // stderr = sqrt(3/2) · sqrt(32) / 6 = sqrt(48) / 6.
    const se = Math.sqrt(48) / 6;
    expect(s.stderr).toBeCloseTo(se, 12);
    expect(s.ci![0]).toBeCloseTo(3.5 - T975[2] * se, 5);
    expect(s.ci![1]).toBeCloseTo(3.5 + T975[2] * se, 5);
  });

  it('treats an undefined cluster as its own cluster and clips binary intervals', () => {
    const s = summarize([1, 1, 0, 0, 1, 0], { kind: 'binary', clusters: ['a', 'a', 'b', 'b', 'c', undefined] });
    expect(s.clusters).toBe(4);
    // Mean 0.5; cluster sums a: 1, b: −1, c: 0.5, (own): −0.5 → Σ squares 2.5.
    // stderr = sqrt(4/3) · sqrt(2.5) / 6.
    const se = (Math.sqrt(4 / 3) * Math.sqrt(2.5)) / 6;
    expect(s.stderr).toBeCloseTo(se, 12);
    // 0.5 ± 3.1824 · 0.3043 goes past both ends.
    expect(0.5 - T975[3] * se).toBeLessThan(0);
    expect(s.ci).toEqual([0, 1]);
  });

  it('equals the plain CLT result when every sample is its own cluster', () => {
    const values = [0.1, 0.7, 0.4, 0.9, 0.3];
    const plain = summarize(values, { kind: 'continuous' });
    const clustered = summarize(values, { kind: 'continuous', clusters: ['a', 'b', 'c', 'd', 'e'] });
    expect(clustered.stderr).toBeCloseTo(plain.stderr!, 12);
    expect(clustered.ci![0]).toBeCloseTo(plain.ci![0], 10);
  });

  it('falls back to the unclustered formulas with a single cluster', () => {
    const s = summarize([1, 0, 1, 1], { kind: 'binary', clusters: ['a', 'a', 'a', 'a'] });
    expect(s.clusters).toBe(1);
    expect(s.stderr).toBeCloseTo(Math.sqrt(0.046875), 12);
  });

  it('rejects mismatched cluster labels, non-finite values and bad confidence', () => {
    expect(() => summarize([1, 0], { kind: 'binary', clusters: ['a'] })).toThrow(AssayError);
    expect(() => summarize([1, Number.NaN], { kind: 'continuous' })).toThrow(/index 1/);
    expect(() => summarize([1], { kind: 'continuous', confidence: 95 })).toThrow(/confidence/);
  });
});
