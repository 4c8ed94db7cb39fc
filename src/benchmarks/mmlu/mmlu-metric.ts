/** MMLU's published metric: choice accuracy over all questions, per subject, and averaged over subjects. */
import type { CustomMetric } from '../../eval/custom-metrics.js';
import { groupRows, pointRow, scorerValues, summaryRow } from '../shared/metric-rows.js';

/**
 * `mmlu.accuracy` (all questions), `mmlu.accuracy` per `subject` group, and `mmlu.macro_accuracy`: the mean of
 * the per-subject accuracies (each subject counts once, whatever its size).
 */
export const mmluMetric: CustomMetric = (samples) => {
  const items = scorerValues(samples, 'choice');
  if (items.length === 0) return [];
  const bySubject = groupRows('mmlu', 'accuracy', 'subject', items);
  const macro = bySubject.reduce((sum, r) => sum + r.value, 0) / bySubject.length;
  return [
    summaryRow({ name: 'mmlu', metric: 'accuracy' }, items.map((i) => i.value)),
    pointRow({ name: 'mmlu', metric: 'macro_accuracy' }, macro, items.length),
    ...bySubject,
  ];
};
