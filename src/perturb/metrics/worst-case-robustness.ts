/** worst_case_robustness: HELM's robustness: an item counts only at its worst over the original and every perturbation. */
import type { ScoredSample } from '../../eval/custom-metrics.js';
import type { MetricRecord } from '../../store/records.js';
import { metricRow, perturbedItems, present, scorerNames, summarizeValues } from './metric-rows.js';

/**
 * Per scorer, `robust_accuracy`: the mean over items of min(original, each perturbation variant). For 0/1
 * scores an item is 1 only when it is right on the original and on every perturbation. Items whose original
 * has no score (e.g. it errored) are left out; a variant that errored is simply absent from the minimum.
 * Every perturbation the task ran counts, so choose the names to match the robustness you mean.
 */
export function worstCaseRobustness(samples: readonly ScoredSample[]): MetricRecord[] {
  const items = [...perturbedItems(samples).values()];
  const rows: (MetricRecord | undefined)[] = [];
  for (const scorer of scorerNames(samples)) {
    const worst: number[] = [];
    for (const item of items) {
      const original = item.original?.scores[scorer]?.value;
      if (original === undefined) continue;
      const variants = [...item.variants.values()].map((v) => v.scores[scorer]?.value).filter((v): v is number => v !== undefined);
      worst.push(Math.min(original, ...variants));
    }
    rows.push(metricRow({ scorer, metric: 'robust_accuracy', summary: summarizeValues(worst) }));
  }
  return present(rows);
}
