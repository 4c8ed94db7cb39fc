/** epoch_consistency: how often repeated runs of the same item give the same score. */
import type { ScoredSample } from '../../eval/custom-metrics.js';
import { summarize } from '../../stats/index.js';
import type { MetricRecord } from '../../store/records.js';
import { metricRow, present, scorerNames } from './metric-rows.js';

/** Share of the n(n−1)/2 epoch pairs whose values are equal. */
export function pairwiseAgreement(values: readonly number[]): number {
  let equal = 0;
  let pairs = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      pairs++;
      if (values[i] === values[j]) equal++;
    }
  }
  return pairs === 0 ? 1 : equal / pairs;
}

/**
 * Per scorer, over samples with two or more epochs (per-epoch values from `ScoredSample.scores[…].epochValues`):
 * - `all_epochs_agree`: share of samples whose epochs all gave the same value (Wilson interval);
 * - `pairwise_agreement`: mean over samples of the share of agreeing epoch pairs (t interval).
 * No rows when the run had a single epoch.
 */
export function epochConsistency(samples: readonly ScoredSample[]): MetricRecord[] {
  const rows: (MetricRecord | undefined)[] = [];
  for (const scorer of scorerNames(samples)) {
    const runs = samples.map((s) => s.scores[scorer]?.epochValues).filter((v): v is number[] => v !== undefined && v.length >= 2);
    const agree = runs.map((v) => (v.every((x) => x === v[0]) ? 1 : 0));
    rows.push(metricRow({ scorer, metric: 'all_epochs_agree', summary: summarize(agree, { kind: 'binary' }) }));
    rows.push(metricRow({ scorer, metric: 'pairwise_agreement', summary: summarize(runs.map(pairwiseAgreement), { kind: 'continuous' }) }));
  }
  return present(rows);
}
