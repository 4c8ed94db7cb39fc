/** Shared pieces of the reliability metrics: scorer names, variant grouping, and summary → metric row. */
import type { ScoredSample } from '../../eval/custom-metrics.js';
import { summarize, type Summary } from '../../stats/index.js';
import type { MetricRecord } from '../../store/records.js';
import { ORIGINAL_VARIANT } from '../names.js';

/** Every scorer that scored some sample, in first-seen order. */
export function scorerNames(samples: readonly ScoredSample[]): string[] {
  const names = new Set<string>();
  for (const s of samples) for (const name of Object.keys(s.scores)) names.add(name);
  return [...names];
}

/** True when every value is 0 or 1 (a Wilson interval then applies). */
export function isBinary(values: readonly number[]): boolean {
  return values.every((v) => v === 0 || v === 1);
}

/** Summarises `values` as binary when they are all 0/1, else continuous. */
export function summarizeValues(values: number[], clusters?: (string | undefined)[]): Summary {
  return summarize(values, { kind: isBinary(values) ? 'binary' : 'continuous', clusters });
}

/** A metric row from a summary; undefined when the summary is empty. */
export function metricRow(args: { scorer: string; metric: string; groupKey?: string; groupValue?: string; summary: Summary }): MetricRecord | undefined {
  const s = args.summary;
  if (s.value === null) return undefined;
  return {
    scorer: args.scorer, metric: args.metric, groupKey: args.groupKey ?? '', groupValue: args.groupValue ?? '',
    value: s.value, stderr: s.stderr, ciLow: s.ci?.[0] ?? null, ciHigh: s.ci?.[1] ?? null, n: s.n,
  };
}

/** One dataset item: its original and its perturbation variants by name. */
export interface PerturbedItem {
  originalId: string;
  original?: ScoredSample;
  variants: Map<string, ScoredSample>;
}

/** The sample's `original_id` (its own id when it has none). */
export function originalIdOf(sample: ScoredSample): string {
  const id = sample.metadata['original_id'];
  return typeof id === 'string' ? id : sample.sampleId;
}

/**
 * Groups samples by original item. Converter variants (metadata `converter` other than 'none') are left out:
 * they are attacks, not robustness variants. A sample with no `perturbation` (or 'none') is the original.
 */
export function perturbedItems(samples: readonly ScoredSample[]): Map<string, PerturbedItem> {
  const items = new Map<string, PerturbedItem>();
  for (const s of samples) {
    const converter = s.metadata['converter'];
    if (converter !== undefined && converter !== ORIGINAL_VARIANT) continue;
    const id = originalIdOf(s);
    const item: PerturbedItem = items.get(id) ?? { originalId: id, variants: new Map() };
    const p = s.metadata['perturbation'];
    if (typeof p === 'string' && p !== ORIGINAL_VARIANT) item.variants.set(p, s);
    else item.original = s;
    items.set(id, item);
  }
  return items;
}

/** Rows with no value (empty groups) dropped. */
export function present(rows: readonly (MetricRecord | undefined)[]): MetricRecord[] {
  return rows.filter((r): r is MetricRecord => r !== undefined);
}
