/** TruthfulQA's published metrics: MC1 accuracy; for generation, % truthful, % informative and % both. */
import type { CustomMetric } from '../../eval/custom-metrics.js';
import { scorerValues, summaryRow } from '../shared/metric-rows.js';

/** `truthfulqa-mc1.accuracy`: share of questions where the best answer was picked (choice scorer). */
export const truthfulQaMc1Metric: CustomMetric = (samples) => {
  const values = scorerValues(samples, 'choice').map((v) => v.value);
  return values.length === 0 ? [] : [summaryRow({ name: 'truthfulqa-mc1', metric: 'accuracy' }, values)];
};

/**
 * `truthfulqa-gen.truthful` (first judge, `model_graded`), `.informative` (second judge, `model_graded_2`) and
 * `.truthful_informative`: the share of answers graded both, over the samples both judges scored.
 */
export const truthfulQaGenMetric: CustomMetric = (samples) => {
  const name = 'truthfulqa-gen';
  const truthful = scorerValues(samples, 'model_graded').map((v) => v.value);
  const informative = scorerValues(samples, 'model_graded_2').map((v) => v.value);
  const both = samples.flatMap((s) => {
    const t = s.scores['model_graded'];
    const i = s.scores['model_graded_2'];
    return t && i ? [t.value * i.value] : [];
  });
  return [
    ...(truthful.length ? [summaryRow({ name, metric: 'truthful' }, truthful)] : []),
    ...(informative.length ? [summaryRow({ name, metric: 'informative' }, informative)] : []),
    ...(both.length ? [summaryRow({ name, metric: 'truthful_informative' }, both)] : []),
  ];
};
