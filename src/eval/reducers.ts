/** Epoch reducers: turn one sample's per-epoch scores into a single value. */
import { AssayError } from '../errors/index.js';
import type { ReducerName } from '../task/task-spec.js';

/** Reduces per-epoch scores; `k` matters only to pass_at_k and all_k (it is the number of draws, 1 ≤ k ≤ n). */
export type Reducer = (values: readonly number[], k: number) => number;

/**
 * The reducers, by name. A value ≥ 1 counts as a success for pass_at_k and all_k.
 * @example REDUCERS.pass_at_k([1, 0, 1, 0, 0], 2) // 1 − C(3,2)/C(5,2) = 0.7
 */
export const REDUCERS: Readonly<Record<ReducerName, Reducer>> = {
  mean: (values) => sum(nonEmpty(values, 'mean')) / values.length,
  /** Most frequent value; a tie goes to the lower value (the conservative reading). */
  majority: (values) => {
    const counts = new Map<number, number>();
    for (const v of nonEmpty(values, 'majority')) counts.set(v, (counts.get(v) ?? 0) + 1);
    let best = Infinity;
    let bestCount = 0;
    for (const [v, c] of counts) {
      if (c > bestCount || (c === bestCount && v < best)) {
        best = v;
        bestCount = c;
      }
    }
    return best;
  },
  /** Unbiased pass@k: 1 − C(n−c, k)/C(n, k), n epochs, c successes. */
  pass_at_k: (values, k) => {
    const { n, c } = successes(values, k, 'pass_at_k');
    if (n - c < k) return 1;
    // C(n−c, k)/C(n, k) = Π_{i=n−c+1}^{n} (1 − k/i): stable for any n.
    let allFail = 1;
    for (let i = n - c + 1; i <= n; i++) allFail *= 1 - k / i;
    return 1 - allFail;
  },
  /** C(c, k)/C(n, k): the chance that k epochs drawn without replacement all succeed. */
  all_k: (values, k) => {
    const { n, c } = successes(values, k, 'all_k');
    let p = 1;
    for (let i = 0; i < k; i++) p *= (c - i) / (n - i);
    return Math.max(0, p);
  },
  max: (values) => Math.max(...nonEmpty(values, 'max')),
  /** The middle value; the mean of the two middle values for an even count. */
  median: (values) => {
    const sorted = [...nonEmpty(values, 'median')].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  },
};

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function nonEmpty(values: readonly number[], name: ReducerName): readonly number[] {
  if (values.length === 0) throw new AssayError('USAGE', `Reducer ${name}: no epoch scores to reduce.`);
  return values;
}

function successes(values: readonly number[], k: number, name: ReducerName): { n: number; c: number } {
  const n = nonEmpty(values, name).length;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new AssayError('USAGE', `Reducer ${name}: k = ${k} must be a whole number from 1 to the number of epochs (${n}).`, {
      hint: 'Set epochs.k no higher than epochs.count.',
    });
  }
  return { n, c: values.filter((v) => v >= 1).length };
}
