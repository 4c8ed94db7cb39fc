/** calibration: expected calibration error (ECE, 10 equal-width bins) from stated confidence or logprobs. */
import type { ScoredSample } from '../../eval/custom-metrics.js';
import type { MetricRecord } from '../../store/records.js';
import { present, scorerNames } from './metric-rows.js';
import { confidenceOf } from './parse-confidence.js';

/** Number of equal-width confidence bins (HELM's ece_10_bin). */
export const ECE_BINS = 10;

/** A (confidence, score) pair for one sample × epoch. */
export interface CalibrationPoint {
  confidence: number;
  value: number;
}

/** The bin of a confidence: [k/10, (k+1)/10), with 1.0 in the last bin. */
export function binOf(confidence: number): number {
  return Math.min(ECE_BINS - 1, Math.floor(confidence * ECE_BINS));
}

/** ECE = Σ_b (n_b / N) · |mean score_b − mean confidence_b| over non-empty bins; NaN with no points. */
export function expectedCalibrationError(points: readonly CalibrationPoint[]): number {
  let total = 0;
  for (const bin of bins(points)) total += (bin.points.length / points.length) * Math.abs(bin.accuracy - bin.confidence);
  return points.length === 0 ? NaN : total;
}

function bins(points: readonly CalibrationPoint[]): Array<{ index: number; points: CalibrationPoint[]; accuracy: number; confidence: number }> {
  const byBin = new Map<number, CalibrationPoint[]>();
  for (const p of points) byBin.set(binOf(p.confidence), [...(byBin.get(binOf(p.confidence)) ?? []), p]);
  return [...byBin.entries()].sort(([a], [b]) => a - b).map(([index, list]) => ({
    index,
    points: list,
    accuracy: list.reduce((s, p) => s + p.value, 0) / list.length,
    confidence: list.reduce((s, p) => s + p.confidence, 0) / list.length,
  }));
}

function binLabel(index: number): string {
  return `${(index / ECE_BINS).toFixed(1)}-${((index + 1) / ECE_BINS).toFixed(1)}`;
}

/**
 * Per scorer, over every sample × epoch whose output states a confidence ("CONFIDENCE: 80%", see
 * CONFIDENCE_TEMPLATE) or, failing that, came with token logprobs (confidence = exp Σ logprob):
 * - `ece`: the expected calibration error (no standard error; n = points used);
 * - per non-empty bin (groupKey `confidence_bin`, e.g. "0.8-0.9"): `calibration_accuracy` (mean score) and
 *   `calibration_confidence` (mean confidence), the two axes of a reliability diagram.
 * Outputs with neither are left out. No rows when no output had a confidence.
 */
export function calibration(samples: readonly ScoredSample[]): MetricRecord[] {
  const rows: (MetricRecord | undefined)[] = [];
  for (const scorer of scorerNames(samples)) {
    const points = samples.flatMap((s) => pointsOf(s, scorer));
    if (points.length === 0) continue;
    const row = (metric: string, value: number, n: number, groupValue = ''): MetricRecord => ({
      scorer, metric, groupKey: groupValue === '' ? '' : 'confidence_bin', groupValue, value, stderr: null, ciLow: null, ciHigh: null, n,
    });
    rows.push(row('ece', expectedCalibrationError(points), points.length));
    for (const bin of bins(points)) {
      rows.push(row('calibration_accuracy', bin.accuracy, bin.points.length, binLabel(bin.index)));
      rows.push(row('calibration_confidence', bin.confidence, bin.points.length, binLabel(bin.index)));
    }
  }
  return present(rows);
}

function pointsOf(sample: ScoredSample, scorer: string): CalibrationPoint[] {
  const values = sample.scores[scorer]?.epochValues ?? [];
  const outputs = sample.outputs ?? [];
  const points: CalibrationPoint[] = [];
  values.forEach((value, i) => {
    const confidence = outputs[i] ? confidenceOf(outputs[i]) : undefined;
    if (confidence !== undefined) points.push({ confidence, value });
  });
  return points;
}
