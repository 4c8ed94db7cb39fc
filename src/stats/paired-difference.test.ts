import { describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import { pairedDifference } from './paired-difference.js';

describe('pairedDifference', () => {
  it('computes the paired diff, its stderr, CI, correlation and discordant pairs', () => {
    const a = [1, 1, 0, 1, 0];
    const b = [0, 1, 0, 0, 1];
    const r = pairedDifference(a, b);
    expect(r.n).toBe(5);
    expect(r.meanA).toBeCloseTo(0.6, 14);
    expect(r.meanB).toBeCloseTo(0.4, 14);
    // d = [1, 0, 0, 1, −1], d̄ = 0.2, Σ(d − d̄)² = 0.64 + 0.04 + 0.04 + 0.64 + 1.44 = 2.8.
    // sd = sqrt(2.8 / 4) = sqrt(0.7); stderr = sqrt(0.7)/sqrt(5) = sqrt(0.14).
    expect(r.diff).toBeCloseTo(0.2, 14);
    expect(r.stderr).toBeCloseTo(Math.sqrt(0.14), 12);
    // t(0.975, 4) = 2.776445.
    expect(r.ci![0]).toBeCloseTo(0.2 - 2.776445 * Math.sqrt(0.14), 5);
    expect(r.ci![1]).toBeCloseTo(0.2 + 2.776445 * Math.sqrt(0.14), 5);
    // a − 0.6 = [.4, .4, −.6, .4, −.6], b − 0.4 = [−.4, .6, −.4, −.4, .6]:
    // Σ products = −.16 + .24 + .24 − .16 − .36 = −0.2; Σa² = Σb² = 3·.16 + 2·.36 = 1.2 → ρ = −0.2/1.2.
    expect(r.correlation).toBeCloseTo(-1 / 6, 12);
    expect(r.discordant).toEqual({ aOnly: 2, bOnly: 1 });
  });

  it('has no discordant counts for graded scores, and a null correlation without variance', () => {
    const r = pairedDifference([0.5, 0.7, 0.9], [0.5, 0.5, 0.5]);
    expect(r.discordant).toBeUndefined();
    expect(r.correlation).toBeNull();
    // d = [0, .2, .4], d̄ = .2, Σ(d − d̄)² = .08 → stderr = sqrt(.08 / (3·2)).
    expect(r.stderr).toBeCloseTo(Math.sqrt(0.08 / 6), 12);
  });

  it('clusters the differences', () => {
    const r = pairedDifference([1, 1, 0, 1], [0, 0, 0, 1], { clusters: ['p', 'p', 'q', 'q'] });
    // d = [1, 1, 0, 0], d̄ = 0.5; cluster sums p: 1, q: −1 → stderr = sqrt(2/1) · sqrt(2) / 4 = 0.5.
    expect(r.clusters).toBe(2);
    expect(r.stderr).toBeCloseTo(0.5, 12);
    // t(0.975, 1) = 12.7062.
    expect(r.ci![1]).toBeCloseTo(0.5 + 12.7062 * 0.5, 3);
  });

  it('handles empty input and rejects unequal lengths', () => {
    const r = pairedDifference([], []);
    expect(r).toMatchObject({ n: 0, meanA: null, meanB: null, diff: null, stderr: null, ci: null, correlation: null });
    try {
      pairedDifference([1, 0], [1]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AssayError);
      expect((err as AssayError).code).toBe('USAGE');
    }
  });
});
