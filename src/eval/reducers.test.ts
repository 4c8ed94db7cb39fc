import { describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import { REDUCERS as REDUCER_NAMES } from '../task/task-spec.js';
import { REDUCERS } from './reducers.js';

/** C(n, k) by the textbook formula, for checking. */
function choose(n: number, k: number): number {
  if (k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

describe('REDUCERS', () => {
  it('has one reducer per name in the task schema', () => {
    expect(Object.keys(REDUCERS).sort()).toEqual([...REDUCER_NAMES].sort());
  });

  it('mean, max and median', () => {
    expect(REDUCERS.mean([1, 0, 0.5, 0.5], 4)).toBe(0.5); // 2 / 4
    expect(REDUCERS.max([0.2, 0.9, 0.4], 3)).toBe(0.9);
    expect(REDUCERS.median([3, 1, 2], 3)).toBe(2);
    expect(REDUCERS.median([4, 1, 3, 2], 4)).toBe(2.5); // (2 + 3) / 2
  });

  it('majority picks the most frequent value and breaks ties toward the lower value', () => {
    expect(REDUCERS.majority([1, 1, 0], 3)).toBe(1);
    expect(REDUCERS.majority([1, 0, 1, 0], 4)).toBe(0);
    expect(REDUCERS.majority([0.5, 1, 1, 0.5, 0.25], 5)).toBe(0.5);
  });

  it('pass_at_k is the unbiased estimator 1 − C(n−c, k)/C(n, k)', () => {
    // n = 5, c = 2, k = 2: 1 − C(3,2)/C(5,2) = 1 − 3/10 = 0.7.
    expect(REDUCERS.pass_at_k([1, 0, 1, 0, 0], 2)).toBeCloseTo(0.7, 14);
    // n = 5, c = 2, k = 1: 1 − C(3,1)/C(5,1) = 1 − 3/5 = 0.4 (= c/n).
    expect(REDUCERS.pass_at_k([1, 0, 1, 0, 0], 1)).toBeCloseTo(0.4, 14);
    // n = 4, c = 1, k = 3: 1 − C(3,3)/C(4,3) = 1 − 1/4 = 0.75.
    expect(REDUCERS.pass_at_k([0, 0, 1, 0], 3)).toBeCloseTo(0.75, 14);
    // n − c < k: every draw of k holds a success.
    expect(REDUCERS.pass_at_k([1, 1, 1, 0], 2)).toBe(1);
    expect(REDUCERS.pass_at_k([0, 0, 0], 3)).toBe(0);
    // Only values ≥ 1 count as successes: n = 3, c = 1 (the 0.9 fails), k = 2 → 1 − C(2,2)/C(3,2) = 2/3.
    expect(REDUCERS.pass_at_k([0.9, 1, 0], 2)).toBeCloseTo(2 / 3, 14);
    // Agrees with the textbook formula on a larger case: n = 20, c = 7, k = 5.
    const values = [...new Array<number>(7).fill(1), ...new Array<number>(13).fill(0)];
    expect(REDUCERS.pass_at_k(values, 5)).toBeCloseTo(1 - choose(13, 5) / choose(20, 5), 12);
  });

  it('all_k is C(c, k)/C(n, k)', () => {
    // n = 5, c = 3, k = 2: C(3,2)/C(5,2) = 3/10.
    expect(REDUCERS.all_k([1, 1, 0, 1, 0], 2)).toBeCloseTo(0.3, 14);
    // k = n: 1 only when every epoch succeeds.
    expect(REDUCERS.all_k([1, 1, 1], 3)).toBe(1);
    expect(REDUCERS.all_k([1, 1, 0], 3)).toBe(0);
    // c < k: impossible.
    expect(REDUCERS.all_k([1, 0, 0, 0], 2)).toBe(0);
  });

  it('rejects k outside 1..n and empty input with USAGE', () => {
    for (const call of [() => REDUCERS.pass_at_k([1, 0], 3), () => REDUCERS.all_k([1], 0), () => REDUCERS.mean([], 1)]) {
      try {
        call();
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AssayError);
        expect((err as AssayError).code).toBe('USAGE');
      }
    }
  });
});
