/** Two-sided p-value of a t statistic: how often |T| would reach |t| by chance under the null. */
import { AssayError } from '../errors/index.js';
import { studentTUpperTail } from './student-t.js';

/**
 * P(|T| ≥ |t|) for Student's t with `df` degrees of freedom (df > 0): 2 · P(T > |t|). An infinite |t| gives 0.
 * For a paired test, t = mean difference / its standard error and df = pairs − 1.
 * @example tTestPValue(2.2622, 9) // ≈ 0.05
 */
export function tTestPValue(t: number, df: number): number {
  if (Number.isNaN(t)) throw new AssayError('USAGE', 't-test p-value: the t statistic is NaN.', { hint: 'Check that the standard error is not zero or missing before dividing.' });
  if (!(df > 0)) throw new AssayError('USAGE', `t-test p-value: degrees of freedom ${df} must be positive.`, { hint: 'A paired t-test needs at least two pairs (df = pairs − 1).' });
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * studentTUpperTail(Math.abs(t), df));
}
