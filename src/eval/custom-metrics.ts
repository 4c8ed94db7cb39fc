/** Task-level metrics computed over whole samples (e.g. a benchmark's published metric), by name. */
import { BENCHMARK_METRICS } from '../benchmarks/metrics.js';
import { AssayError } from '../errors/index.js';
import { summarize } from '../stats/index.js';
import type { MetricRecord } from '../store/records.js';
import type { TokenLogprob } from '../model/types.js';
import { calibration } from '../perturb/metrics/calibration.js';
import { epochConsistency } from '../perturb/metrics/epoch-consistency.js';
import { perturbationAccuracy } from '../perturb/metrics/perturbation-accuracy.js';
import { worstCaseRobustness } from '../perturb/metrics/worst-case-robustness.js';
import { attackSuccessRate } from '../redteam/converters/attack-success-rate.js';
import { counterfactualParity } from '../suites/fairness/counterfactual/counterfactual-parity.js';
import { complianceRate } from '../suites/safety/compliance-rate.js';

/** One sample after epoch reduction: its metadata and each scorer's reduced value (plus the first epoch's details). */
export interface ScoredSample {
  sampleId: string;
  metadata: Record<string, unknown>;
  target: string[];
  /** `epochValues`: the scorer's value in each epoch, in epoch order (for consistency and calibration). */
  scores: Record<string, { value: number; answer?: string; metadata?: Record<string, unknown>; epochValues?: number[] }>;
  /** The target's final output in each epoch, in epoch order, with token logprobs when the provider returned them. */
  outputs?: Array<{ text?: string; logprobs?: TokenLogprob[] }>;
}

/** Computes metric rows (scorer = the metric's own name unless it reports per scorer). */
export type CustomMetric = (samples: readonly ScoredSample[]) => MetricRecord[];

export const CUSTOM_METRICS = {
  /** Share of samples whose first scorer gave 1, split by metadata `category`: a generic per-category rate. */
  category_rate: (samples) => {
    const byCat = new Map<string, number[]>();
    for (const s of samples) {
      const first = Object.values(s.scores)[0];
      if (!first) continue;
      const cat = String(s.metadata['category'] ?? '(none)');
      byCat.set(cat, [...(byCat.get(cat) ?? []), first.value]);
    }
    return [...byCat.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([cat, values]) => {
      const r = summarize(values, { kind: values.every((v) => v === 0 || v === 1) ? 'binary' : 'continuous' });
      return { scorer: 'category_rate', metric: 'rate', groupKey: 'category', groupValue: cat, value: r.value ?? NaN, stderr: r.stderr, ciLow: r.ci?.[0] ?? null, ciHigh: r.ci?.[1] ?? null, n: r.n };
    });
  },
  /** Per scorer and perturbation: accuracy with its interval, and the paired change from the original (src/perturb). */
  perturbation_accuracy: perturbationAccuracy,
  /** Per scorer: HELM worst-case robustness, an item counts only if right on the original and every perturbation. */
  worst_case_robustness: worstCaseRobustness,
  /** Per scorer: share of samples whose epochs all agree, and mean pairwise agreement between epochs. */
  epoch_consistency: epochConsistency,
  /** Per scorer: expected calibration error (10 bins) from stated "CONFIDENCE: n%" or from logprobs, with bins. */
  calibration,
  /** Attack success rate (1 − refusal) per attack converter, read from the `refusal` scorer (src/redteam/converters). */
  attack_success_rate: attackSuccessRate,
  /** Per attribute: paired difference in outcome between counterfactual variants (b − a), its interval and a paired t-test p-value. */
  counterfactual_parity: counterfactualParity,
  /** Compliance rate (1 − refusal) overall and per metadata `type`: the over-refusal headline, higher is better (src/suites/safety). */
  compliance_rate: complianceRate,
  /** Each public benchmark's published metric, named like the benchmark: gsm8k, bbq, xstest… (src/benchmarks/metrics.ts). */
  ...BENCHMARK_METRICS,
} as const satisfies Record<string, CustomMetric>;

export type CustomMetricName = keyof typeof CUSTOM_METRICS;

/** Looks a metric up by name, with a clear error naming the choices. */
export function customMetric(name: string): CustomMetric {
  if (!Object.hasOwn(CUSTOM_METRICS, name)) {
    throw new AssayError('TASK_INVALID', `Unknown custom metric "${name}".`, { hint: `Use one of: ${Object.keys(CUSTOM_METRICS).join(', ')}.`, where: { field: 'metrics.custom' } });
  }
  return CUSTOM_METRICS[name as CustomMetricName];
}
