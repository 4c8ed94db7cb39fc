import { describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import { normalQuantile, normalUpperTail } from './normal.js';
import { logGamma, regularizedBeta } from './special-functions.js';
import { studentTQuantile, studentTUpperTail } from './student-t.js';

describe('special functions', () => {
  it('logGamma matches factorials and Γ(1/2) = √π', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12); // Γ(5) = 4! = 24
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 11); // 10!
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });

  it('regularizedBeta matches closed forms', () => {
    // I_x(1, 1) = x; I_x(a, 1) = x^a; I_x(1, b) = 1 − (1 − x)^b.
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 14);
    expect(regularizedBeta(0.6, 3, 1)).toBeCloseTo(0.6 ** 3, 14);
    expect(regularizedBeta(0.2, 1, 4)).toBeCloseTo(1 - 0.8 ** 4, 14);
    expect(regularizedBeta(0, 2, 3)).toBe(0);
    expect(regularizedBeta(1, 2, 3)).toBe(1);
  });
});

describe('Student t', () => {
  it('has the closed-form tail for 1 and 2 degrees of freedom', () => {
    // df = 1 (Cauchy): P(T > t) = 1/2 − atan(t)/π.  df = 2: P(T > t) = (1 − t/√(2 + t²))/2.
    expect(studentTUpperTail(1, 1)).toBeCloseTo(0.25, 14);
    expect(studentTUpperTail(3, 2)).toBeCloseTo((1 - 3 / Math.sqrt(11)) / 2, 14);
  });

  it('matches t-table quantiles', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    // df = 1 closed form: tan(π(p − 1/2)).
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(Math.tan(Math.PI * 0.475), 9);
    // df = 2 closed form: t = (2p − 1)·sqrt(2 / (4p(1 − p))).
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(0.95 * Math.sqrt(2 / (4 * 0.975 * 0.025)), 9);
    expect(studentTQuantile(0.975, 9)).toBeCloseTo(2.2622, 4);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.0452, 4);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623, 4);
    expect(studentTQuantile(0.995, 5)).toBeCloseTo(4.0321, 4);
    expect(studentTQuantile(0.95, 10)).toBeCloseTo(1.8125, 4);
  });

  it('is symmetric and approaches the normal for large df', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 12);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964, 5);
  });

  it('rejects bad arguments with USAGE', () => {
    expect(() => studentTQuantile(1, 3)).toThrow(AssayError);
    expect(() => studentTQuantile(0.9, 0)).toThrow(/degrees of freedom/);
  });
});

describe('normal', () => {
  it('matches known quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 11);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 11);
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 14);
  });
});
