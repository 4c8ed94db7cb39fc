/** perturbation_accuracy: each scorer's accuracy on the originals and under each perturbation, and the paired drop. */
import type { ScoredSample } from '../../eval/custom-metrics.js';
import { pairedDifference } from '../../stats/index.js';
import type { MetricRecord } from '../../store/records.js';
import { ORIGINAL_VARIANT } from '../names.js';
import { metricRow, perturbedItems, present, scorerNames, summarizeValues } from './metric-rows.js';

/**
 * Per scorer and per `perturbation` group ('none' = the originals, first; then perturbations by name):
 * - `perturbation_accuracy`: the mean score (accuracy for 0/1 scores) with its Wilson or t interval;
 * - `perturbation_delta`: mean(variant − original) over items that have both, with a paired t interval
 *   (negative = the perturbation hurts).
 */
export function perturbationAccuracy(samples: readonly ScoredSample[]): MetricRecord[] {
  const items = [...perturbedItems(samples).values()];
  const names = [...new Set(items.flatMap((i) => [...i.variants.keys()]))].sort();
  const rows: (MetricRecord | undefined)[] = [];
  for (const scorer of scorerNames(samples)) {
    const valueOf = (s: ScoredSample | undefined) => s?.scores[scorer]?.value;
    const originals = items.map((i) => valueOf(i.original)).filter((v): v is number => v !== undefined);
    rows.push(metricRow({ scorer, metric: 'perturbation_accuracy', groupKey: 'perturbation', groupValue: ORIGINAL_VARIANT, summary: summarizeValues(originals) }));
    for (const name of names) {
      const values = items.map((i) => valueOf(i.variants.get(name))).filter((v): v is number => v !== undefined);
      rows.push(metricRow({ scorer, metric: 'perturbation_accuracy', groupKey: 'perturbation', groupValue: name, summary: summarizeValues(values) }));
      const pairs = items
        .map((i) => [valueOf(i.variants.get(name)), valueOf(i.original)] as const)
        .filter((p): p is readonly [number, number] => p[0] !== undefined && p[1] !== undefined);
      if (pairs.length === 0) continue;
      const d = pairedDifference(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
      rows.push(metricRow({ scorer, metric: 'perturbation_delta', groupKey: 'perturbation', groupValue: name, summary: { value: d.diff, stderr: d.stderr, ci: d.ci, n: d.n } }));
    }
  }
  return present(rows);
}
