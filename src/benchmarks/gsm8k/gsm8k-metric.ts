/** GSM8K's published metric: accuracy of the numeric scorer over all problems. */
import type { CustomMetric } from '../../eval/custom-metrics.js';
import { scorerValues, summaryRow } from '../shared/metric-rows.js';

/** `gsm8k.accuracy`: share of problems whose final number matched (numeric scorer), with a Wilson interval. */
export const gsm8kMetric: CustomMetric = (samples) => {
  const values = scorerValues(samples, 'numeric').map((v) => v.value);
  return values.length === 0 ? [] : [summaryRow({ name: 'gsm8k', metric: 'accuracy' }, values)];
};
