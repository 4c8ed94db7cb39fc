import { describe, expect, it } from 'vitest';
import { describeLsh, lshMatchProbability, lshThreshold } from './lsh-probability.js';

describe('lshMatchProbability', () => {
  it('matches hand-computed values', () => {
    // b=1, r=1: P = s.
    expect(lshMatchProbability(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    // b=2, r=2, s=0.5: 1 − (1 − 0.25)² = 1 − 0.5625 = 0.4375.
    expect(lshMatchProbability(0.5, 2, 2)).toBeCloseTo(0.4375, 12);
    // b=4, r=2, s=0.5: 1 − 0.75⁴ = 1 − 0.31640625 = 0.68359375.
    expect(lshMatchProbability(0.5, 4, 2)).toBeCloseTo(0.68359375, 12);
    // b=3, r=1, s=0.5: 1 − 0.5³ = 0.875.
    expect(lshMatchProbability(0.5, 3, 1)).toBeCloseTo(0.875, 12);
    // Default 16×8 (values from Python): s=0.5 → 0.060702, 0.8 → 0.947049, 0.9 → 0.999877.
    expect(lshMatchProbability(0.5, 16, 8)).toBeCloseTo(0.0607019, 6);
    expect(lshMatchProbability(0.8, 16, 8)).toBeCloseTo(0.9470488, 6);
    expect(lshMatchProbability(0.9, 16, 8)).toBeCloseTo(0.9998775, 6);
    // datatrove 14×8 at 0.8 (reference table: 0.924).
    expect(lshMatchProbability(0.8, 14, 8)).toBeCloseTo(0.924, 3);
  });

  it('is 0 at s=0 and 1 at s=1', () => {
    expect(lshMatchProbability(0, 16, 8)).toBe(0);
    expect(lshMatchProbability(1, 16, 8)).toBe(1);
  });
});

describe('describeLsh', () => {
  it('tabulates the S-curve and threshold', () => {
    const d = describeLsh(16, 8, [0.5, 0.8]);
    expect(d.numPerm).toBe(128);
    expect(d.threshold).toBeCloseTo(lshThreshold(16, 8), 12);
    expect(d.threshold).toBeCloseTo(0.7071, 4);
    expect(d.curve.map((c) => c.s)).toEqual([0.5, 0.8]);
    expect(d.text).toBe('LSH 16 bands × 8 rows = 128 permutations, threshold ≈ 0.707\n  s=0.50  P=0.0607\n  s=0.80  P=0.9470');
  });
});
