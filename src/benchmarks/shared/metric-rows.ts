/** Builds the metric rows of benchmark metrics: rates and means with error bars, overall and by group. */
import type { ScoredSample } from '../../eval/custom-metrics.js';
import { MISSING_GROUP, summarize } from '../../stats/index.js';
import type { MetricRecord } from '../../store/records.js';

/** Which row: the metric's own name (shown as the "scorer"), the metric, and optionally a group. */
export interface RowKey {
  name: string;
  metric: string;
  group?: { key: string; value: string };
}

/**
 * The mean of `values` with its standard error and 95% interval (Wilson when all are 0/1, else t).
 * No values give value NaN (printed as null) and n 0.
 */
export function summaryRow(key: RowKey, values: readonly number[]): MetricRecord {
  const kind = values.every((v) => v === 0 || v === 1) ? 'binary' : 'continuous';
  const s = summarize([...values], { kind });
  return { ...keyFields(key), value: s.value ?? NaN, stderr: s.stderr, ciLow: s.ci?.[0] ?? null, ciHigh: s.ci?.[1] ?? null, n: s.n };
}

/** A value with no error bars (e.g. a bias score), computed from `n` samples. */
export function pointRow(key: RowKey, value: number, n: number): MetricRecord {
  return { ...keyFields(key), value, stderr: null, ciLow: null, ciHigh: null, n };
}

/** One summary row per distinct metadata value of `groupKey` (sorted), over each item's value. */
export function groupRows(name: string, metric: string, groupKey: string, items: ReadonlyArray<{ value: number; metadata: Record<string, unknown> }>): MetricRecord[] {
  const groups = new Map<string, number[]>();
  for (const item of items) {
    const raw = item.metadata[groupKey];
    const group = raw === undefined || raw === null || raw === '' ? MISSING_GROUP : String(raw);
    groups.set(group, [...(groups.get(group) ?? []), item.value]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, values]) => summaryRow({ name, metric, group: { key: groupKey, value } }, values));
}

/** The reduced value of scorer `scorer` on each sample that has one, with the sample's metadata. */
export function scorerValues(samples: readonly ScoredSample[], scorer: string): Array<{ value: number; metadata: Record<string, unknown> }> {
  const out: Array<{ value: number; metadata: Record<string, unknown> }> = [];
  for (const s of samples) {
    const score = s.scores[scorer];
    if (score !== undefined) out.push({ value: score.value, metadata: s.metadata });
  }
  return out;
}

function keyFields(key: RowKey): Pick<MetricRecord, 'scorer' | 'metric' | 'groupKey' | 'groupValue'> {
  return { scorer: key.name, metric: key.metric, groupKey: key.group?.key ?? '', groupValue: key.group?.value ?? '' };
}
