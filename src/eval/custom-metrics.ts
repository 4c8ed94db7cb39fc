/** Task-level metrics computed over whole samples (e.g. a benchmark's published metric), by name. */
import { AssayError } from '../errors/index.js';
import { summarize } from '../stats/index.js';
import type { MetricRecord } from '../store/records.js';

/** One sample after epoch reduction: its metadata and each scorer's reduced value (plus the first epoch's details). */
export interface ScoredSample {
  sampleId: string;
  metadata: Record<string, unknown>;
  target: string[];
  scores: Record<string, { value: number; answer?: string; metadata?: Record<string, unknown> }>;
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
} as const satisfies Record<string, CustomMetric>;

export type CustomMetricName = keyof typeof CUSTOM_METRICS;

/** Looks a metric up by name, with a clear error naming the choices. */
export function customMetric(name: string): CustomMetric {
  if (!Object.hasOwn(CUSTOM_METRICS, name)) {
    throw new AssayError('TASK_INVALID', `Unknown custom metric "${name}".`, { hint: `Use one of: ${Object.keys(CUSTOM_METRICS).join(', ')}.`, where: { field: 'metrics.custom' } });
  }
  return CUSTOM_METRICS[name as CustomMetricName];
}
