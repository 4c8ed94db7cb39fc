/** The standard normal distribution: upper tail and quantile, via the regularised incomplete gamma. */
import { AssayError } from '../errors/index.js';
import { invertDecreasing } from './invert-decreasing.js';
import { regularizedGammaQ } from './special-functions.js';

/** P(Z > z) for z ≥ 0. */
export function normalUpperTail(z: number): number {
  return 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
}

/**
 * The p-quantile of the standard normal distribution.
 * @example normalQuantile(0.975) // ≈ 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new AssayError('USAGE', `normal quantile: probability ${p} is not strictly between 0 and 1.`);
  if (p === 0.5) return 0;
  const upper = p > 0.5 ? 1 - p : p;
  const z = invertDecreasing(normalUpperTail, upper);
  return p > 0.5 ? z : -z;
}
