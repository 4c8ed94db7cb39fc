/** Facts derived from ReportData that every format shares: scorer order, groups, counts, sorting. */
import type { MetricRecord, SampleResultRecord } from '../store/records.js';
import type { ReportData } from './report-data.js';

/** Sample × epoch counts of a run. */
export interface SampleCounts {
  /** Distinct sample ids. */
  samples: number;
  /** Sample × epoch records. */
  records: number;
  completed: number;
  errored: number;
}

/** Scorer names in order of first appearance, from metrics then from scores. */
export function scorerNames(data: Pick<ReportData, 'metrics' | 'results'>): string[] {
  const names = new Set<string>();
  for (const m of data.metrics) names.add(m.scorer);
  for (const r of data.results) for (const s of r.scores) names.add(s.scorer);
  return [...names];
}

/** The overall (ungrouped) metric rows. */
export function overallMetrics(metrics: readonly MetricRecord[]): MetricRecord[] {
  return metrics.filter((m) => m.groupKey === '');
}

/** Group-by keys in order of first appearance, each with its rows. */
export function groupBreakdowns(metrics: readonly MetricRecord[]): Map<string, MetricRecord[]> {
  const out = new Map<string, MetricRecord[]>();
  for (const m of metrics) {
    if (m.groupKey === '') continue;
    const rows = out.get(m.groupKey) ?? [];
    rows.push(m);
    out.set(m.groupKey, rows);
  }
  return out;
}

/** Counts samples and sample × epoch records by status. */
export function sampleCounts(results: readonly SampleResultRecord[]): SampleCounts {
  const ids = new Set<string>();
  let completed = 0;
  for (const r of results) {
    ids.add(r.sampleId);
    if (r.status === 'completed') completed++;
  }
  return { samples: ids.size, records: results.length, completed, errored: results.length - completed };
}

/** A copy ordered by sample id, then epoch, so every format lists samples the same way. */
export function sortedResults(results: readonly SampleResultRecord[]): SampleResultRecord[] {
  return [...results].sort((a, b) => (a.sampleId < b.sampleId ? -1 : a.sampleId > b.sampleId ? 1 : a.epoch - b.epoch));
}

/** True when a completed sample scored below 1 on any scorer. */
export function isFailing(result: SampleResultRecord): boolean {
  return result.status === 'completed' && result.scores.some((s) => s.value < 1);
}

/** The answer to show for a sample: the first scorer's extracted answer, else the raw output. */
export function answerOf(result: SampleResultRecord): string {
  return result.scores.find((s) => s.answer !== undefined)?.answer ?? result.output ?? '';
}

/** A metric value for display: three decimals, integers as they are, '—' for none. */
export function formatNumber(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  if (!Number.isFinite(v)) return String(v);
  return Number.isInteger(v) ? String(v) : v.toFixed(3);
}

/** A confidence interval for display, `[lo, hi]` or '—'. */
export function formatCi(low: number | null, high: number | null): string {
  return low === null || high === null ? '—' : `[${formatNumber(low)}, ${formatNumber(high)}]`;
}
