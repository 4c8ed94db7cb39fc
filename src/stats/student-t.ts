/** Student's t distribution: upper tail and quantile, via the regularised incomplete beta. */
import { AssayError } from '../errors/index.js';
import { invertDecreasing } from './invert-decreasing.js';
import { regularizedBeta } from './special-functions.js';

/** P(T > t) for t ≥ 0 and `df` degrees of freedom (df > 0, need not be an integer). */
export function studentTUpperTail(t: number, df: number): number {
  return 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom.
 * @example studentTQuantile(0.975, 9) // ≈ 2.2622
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new AssayError('USAGE', `t quantile: probability ${p} is not strictly between 0 and 1.`);
  if (!(df > 0)) throw new AssayError('USAGE', `t quantile: degrees of freedom ${df} must be positive.`);
  if (p === 0.5) return 0;
  const upper = p > 0.5 ? 1 - p : p;
  const t = invertDecreasing((x) => studentTUpperTail(x, df), upper);
  return p > 0.5 ? t : -t;
}
