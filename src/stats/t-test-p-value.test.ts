import { describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import { studentTQuantile } from './student-t.js';
import { tTestPValue } from './t-test-p-value.js';

describe('tTestPValue', () => {
  it('matches closed forms for 1 and 2 degrees of freedom', () => {
    // df = 1 (Cauchy): P(|T| ≥ t) = 1 − 2·atan(t)/π.  df = 2: P(|T| ≥ t) = 1 − t/√(2 + t²).
    expect(tTestPValue(1, 1)).toBeCloseTo(0.5, 14);
    expect(tTestPValue(-3, 1)).toBeCloseTo(1 - (2 * Math.atan(3)) / Math.PI, 14);
    expect(tTestPValue(1.5, 2)).toBeCloseTo(1 - 1.5 / Math.sqrt(2 + 2.25), 14);
  });

  it('matches t-table critical values and inverts the quantile', () => {
    expect(tTestPValue(2.2622, 9)).toBeCloseTo(0.05, 4);
    expect(tTestPValue(-2.0452, 29)).toBeCloseTo(0.05, 4);
    expect(tTestPValue(3.2498, 9)).toBeCloseTo(0.01, 4);
    for (const [p, df] of [[0.2, 4], [0.01, 15], [0.5, 40]] as const) {
      expect(tTestPValue(studentTQuantile(1 - p / 2, df), df)).toBeCloseTo(p, 9);
    }
  });

  it('is symmetric, 1 at t = 0 and 0 at infinity', () => {
    expect(tTestPValue(0, 5)).toBe(1);
    expect(tTestPValue(1.7, 7)).toBe(tTestPValue(-1.7, 7));
    expect(tTestPValue(Infinity, 3)).toBe(0);
    expect(tTestPValue(-Infinity, 3)).toBe(0);
  });

  it('refuses NaN and non-positive degrees of freedom', () => {
    expect(() => tTestPValue(Number.NaN, 3)).toThrow(AssayError);
    expect(() => tTestPValue(1, 0)).toThrow(/degrees of freedom 0/);
  });
});
