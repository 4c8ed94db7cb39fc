/** Turns a run's sample results into metrics: reduce epochs per sample, then summarise with error bars. */
import { computeMetrics } from '../stats/index.js';
import type { MetricRecord, SampleResultRecord } from '../store/records.js';
import type { TaskSpec } from '../task/task-spec.js';
import { REDUCERS } from './reducers.js';
import { customMetric, type ScoredSample } from './custom-metrics.js';
import { targetList } from '../dataset/sample.js';

export interface ScorerInfo {
  name: string;
  kind: 'binary' | 'continuous';
}

/** The metric value as printed by `--output json`. */
export interface MetricSummary {
  value: number | null;
  stderr: number | null;
  ci: [number, number] | null;
  n: number;
}

/** Reduces each sample's epochs (samples with any errored epoch are left out) and computes metrics. */
export function computeRunMetrics(args: {
  results: readonly SampleResultRecord[];
  scorers: readonly ScorerInfo[];
  epochs: TaskSpec['epochs'];
  metrics: TaskSpec['metrics'];
}): MetricRecord[] {
  const bySample = groupBySample(args.results);
  const out: MetricRecord[] = [];
  const scored = new Map<string, ScoredSample>();
  for (const scorer of args.scorers) {
    const items: { value: number; metadata: Record<string, unknown>; cluster?: string }[] = [];
    for (const { records, values, reduced } of reducedScores(bySample, scorer.name, args.epochs)) {
      const sample = records[0]!.sample;
      const first = records[0]!.scores.find((s) => s.scorer === scorer.name);
      const entry = scored.get(sample.id) ?? { sampleId: sample.id, metadata: sample.metadata, target: targetList(sample), scores: {}, outputs: records.map(epochOutput) };
      entry.scores[scorer.name] = { value: reduced, answer: first?.answer, metadata: first?.metadata, epochValues: values };
      scored.set(sample.id, entry);
      const cluster = args.metrics.cluster === undefined ? undefined : sample.metadata[args.metrics.cluster];
      items.push({ value: reduced, metadata: sample.metadata, cluster: cluster === undefined ? undefined : String(cluster) });
    }
    const binary = scorer.kind === 'binary' && items.every((i) => i.value === 0 || i.value === 1);
    const records = computeMetrics({ scorer: scorer.name, kind: binary ? 'binary' : 'continuous', items, groupBy: args.metrics.groupBy });
    // A pass/fail scorer reports `accuracy` even when epochs average it to fractions.
    out.push(...records.map((m) => (scorer.kind === 'binary' ? { ...m, metric: 'accuracy' } : m)));
  }
  const samples = [...scored.values()].sort((a, b) => (a.sampleId < b.sampleId ? -1 : a.sampleId > b.sampleId ? 1 : 0));
  // A metric undefined on this data (e.g. a bias score when every answer was "unknown") is left out, not stored as NaN.
  for (const name of args.metrics.custom) out.push(...customMetric(name)(samples).filter((m) => Number.isFinite(m.value)));
  return out;
}

/** A run's results by sample id, each list in epoch order (so per-epoch values and outputs line up). */
export function groupBySample(results: readonly SampleResultRecord[]): Map<string, SampleResultRecord[]> {
  const bySample = new Map<string, SampleResultRecord[]>();
  for (const r of results) {
    const list = bySample.get(r.sampleId) ?? [];
    list.push(r);
    bySample.set(r.sampleId, list);
  }
  for (const list of bySample.values()) list.sort((x, y) => x.epoch - y.epoch);
  return bySample;
}

/**
 * One scorer's values per sample, reduced over epochs with the task's reducer. Samples with an errored or missing
 * epoch, or without a score from this scorer, are left out: the rule behind both metrics and `compare`.
 */
export function reducedScores(
  bySample: ReadonlyMap<string, readonly SampleResultRecord[]>,
  scorer: string,
  epochs: TaskSpec['epochs'],
): Array<{ sampleId: string; records: readonly SampleResultRecord[]; values: number[]; reduced: number }> {
  const reduce = REDUCERS[epochs.reducer];
  const k = epochs.k ?? epochs.count;
  const out: Array<{ sampleId: string; records: readonly SampleResultRecord[]; values: number[]; reduced: number }> = [];
  for (const [sampleId, records] of bySample) {
    if (records.length < epochs.count || records.some((r) => r.status !== 'completed')) continue;
    const values = records.map((r) => r.scores.find((x) => x.scorer === scorer)?.value).filter((v): v is number => v !== undefined);
    if (values.length === 0) continue;
    out.push({ sampleId, records, values, reduced: reduce(values, Math.min(k, values.length)) });
  }
  return out;
}

/** One epoch's final target output: its text and the logprobs of the target's last call, when present. */
function epochOutput(r: SampleResultRecord): NonNullable<ScoredSample['outputs']>[number] {
  const logprobs = r.calls.findLast((c) => c.role === 'target' && c.output)?.output?.logprobs;
  return logprobs ? { text: r.output, logprobs } : { text: r.output };
}

/** `{ <scorer>: { <metric>: {value, stderr, ci, n} } }` from the overall (ungrouped) records. */
export function summariseMetrics(records: readonly MetricRecord[]): Record<string, Record<string, MetricSummary>> {
  const out: Record<string, Record<string, MetricSummary>> = {};
  for (const m of records) {
    if (m.groupKey !== '') continue;
    (out[m.scorer] ??= {})[m.metric] = {
      value: m.value,
      stderr: m.stderr,
      ci: m.ciLow === null || m.ciHigh === null ? null : [m.ciLow, m.ciHigh],
      n: m.n,
    };
  }
  return out;
}

/** Group breakdowns: `[{ scorer, metric, key, value: groupValue, metric: {…} }]`. */
export function summariseGroups(records: readonly MetricRecord[]): Array<{ scorer: string; metric: string; key: string; group: string } & MetricSummary> {
  return records
    .filter((m) => m.groupKey !== '')
    .map((m) => ({
      scorer: m.scorer,
      metric: m.metric,
      key: m.groupKey,
      group: m.groupValue,
      value: m.value,
      stderr: m.stderr,
      ci: m.ciLow === null || m.ciHigh === null ? null : [m.ciLow, m.ciHigh],
      n: m.n,
    }));
}
