/** Turns one scorer's per-sample values into metric rows: overall, then broken down by metadata keys. */
import type { MetricRecord } from '../store/records.js';
import { groupBy } from './group-by.js';
import { summarize } from './summarize.js';

/** The group value used for samples that lack the metadata key. */
export const MISSING_GROUP = '(none)';

export interface MetricsInput {
  scorer: string;
  kind: 'binary' | 'continuous';
  items: { value: number; metadata: Record<string, unknown>; cluster?: string }[];
  /** Metadata keys to break the metric down by. */
  groupBy: string[];
  confidence?: number;
}

/**
 * Returns the overall metric (`accuracy` for binary scorers, `mean` otherwise; groupKey and groupValue '')
 * followed by one row per value of each groupBy key, groups in sorted order with '(none)' last.
 * No rows when there are no items.
 */
export function computeMetrics(input: MetricsInput): MetricRecord[] {
  const metric = input.kind === 'binary' ? 'accuracy' : 'mean';
  const row = (groupKey: string, groupValue: string, items: MetricsInput['items']): MetricRecord | undefined => {
    const hasClusters = items.some((i) => i.cluster !== undefined);
    const s = summarize(
      items.map((i) => i.value),
      { kind: input.kind, confidence: input.confidence, clusters: hasClusters ? items.map((i) => i.cluster) : undefined },
    );
    if (s.value === null) return undefined;
    return {
      scorer: input.scorer,
      metric,
      groupKey,
      groupValue,
      value: s.value,
      stderr: s.stderr,
      ciLow: s.ci?.[0] ?? null,
      ciHigh: s.ci?.[1] ?? null,
      n: s.n,
    };
  };
  const rows: (MetricRecord | undefined)[] = [row('', '', input.items)];
  for (const key of input.groupBy) {
    const groups = groupBy(input.items, (i) => groupValueOf(i.metadata[key]));
    const names = [...groups.keys()].sort(compareGroups);
    for (const name of names) rows.push(row(key, name, groups.get(name)!));
  }
  return rows.filter((r): r is MetricRecord => r !== undefined);
}

function groupValueOf(v: unknown): string {
  if (v === undefined || v === null || v === '') return MISSING_GROUP;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return JSON.stringify(v);
}

function compareGroups(a: string, b: string): number {
  if (a === MISSING_GROUP) return b === MISSING_GROUP ? 0 : 1;
  if (b === MISSING_GROUP) return -1;
  return a.localeCompare(b, 'en', { numeric: true });
}
