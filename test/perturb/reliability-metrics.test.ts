// Reliability metrics on hand-made ScoredSample fixtures, each against values worked out by hand.
import { describe, expect, it } from 'vitest';
import { customMetric, type ScoredSample } from '../../src/eval/custom-metrics.js';
import { binOf, calibration, expectedCalibrationError } from '../../src/perturb/metrics/calibration.js';
import { epochConsistency, pairwiseAgreement } from '../../src/perturb/metrics/epoch-consistency.js';
import { confidenceOf, logprobConfidence, statedConfidence } from '../../src/perturb/metrics/parse-confidence.js';
import { perturbationAccuracy } from '../../src/perturb/metrics/perturbation-accuracy.js';
import { worstCaseRobustness } from '../../src/perturb/metrics/worst-case-robustness.js';
import type { MetricRecord } from '../../src/store/records.js';

const Z = 1.959963984540054;
function wilson(p: number, n: number): [number, number] {
  const denom = 1 + (Z * Z) / n;
  const centre = (p + (Z * Z) / (2 * n)) / denom;
  const half = (Z / denom) * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n));
  return [p === 0 ? 0 : centre - half, p === 1 ? 1 : centre + half];
}

/** A scored sample: `x` (first letter = item) with perturbation `p` and scores per scorer. */
function scored(item: string, p: string | undefined, scores: Record<string, number>, extra: Partial<ScoredSample> = {}): ScoredSample {
  const metadata: Record<string, unknown> = { original_id: item };
  if (p !== undefined) metadata['perturbation'] = p;
  return {
    sampleId: p === undefined || p === 'none' ? item : `${item}~${p}`,
    metadata,
    target: ['t'],
    scores: Object.fromEntries(Object.entries(scores).map(([k, v]) => [k, { value: v }])),
    ...extra,
  };
}

const find = (rows: MetricRecord[], metric: string, groupValue = '', scorer = 'match') =>
  rows.find((r) => r.metric === metric && r.groupValue === groupValue && r.scorer === scorer);

/*
 *          none  typos  casing       (match)      f1 (continuous)
 *   a        1     1      1                        0.9  0.5  0.7
 *   b        1     0      1                        0.6  0.6  0.2
 *   c        0     0      1                        0.3  0.1  0.4
 *   d        1     1     (missing)                 1.0  0.8   —
 *   a converter variant that must be ignored:  a~rot13 = 0
 */
const fixture: ScoredSample[] = [
  scored('a', 'none', { match: 1, f1: 0.9 }), scored('a', 'typos', { match: 1, f1: 0.5 }), scored('a', 'casing', { match: 1, f1: 0.7 }),
  scored('b', 'none', { match: 1, f1: 0.6 }), scored('b', 'typos', { match: 0, f1: 0.6 }), scored('b', 'casing', { match: 1, f1: 0.2 }),
  scored('c', 'none', { match: 0, f1: 0.3 }), scored('c', 'typos', { match: 0, f1: 0.1 }), scored('c', 'casing', { match: 1, f1: 0.4 }),
  scored('d', undefined, { match: 1, f1: 1.0 }), scored('d', 'typos', { match: 1, f1: 0.8 }),
  { ...scored('a', undefined, { match: 0, f1: 0 }), sampleId: 'a~rot13', metadata: { original_id: 'a', converter: 'rot13' } },
];

describe('perturbation_accuracy', () => {
  const rows = perturbationAccuracy(fixture);

  it('gives accuracy per perturbation ("none" = originals first) with Wilson intervals', () => {
    const acc = rows.filter((r) => r.scorer === 'match' && r.metric === 'perturbation_accuracy');
    expect(acc.map((r) => [r.groupKey, r.groupValue, r.value, r.n])).toEqual([
      ['perturbation', 'none', 0.75, 4], ['perturbation', 'casing', 1, 3], ['perturbation', 'typos', 0.5, 4],
    ]);
    const typos = find(rows, 'perturbation_accuracy', 'typos')!;
    expect(typos.stderr).toBeCloseTo(Math.sqrt(0.25 / 4), 12);
    expect(typos.ciLow).toBeCloseTo(wilson(0.5, 4)[0], 12);
    expect(typos.ciHigh).toBeCloseTo(wilson(0.5, 4)[1], 12);
  });

  it('gives the paired change from the original with a t interval', () => {
    // typos − none: a 0, b −1, c 0, d 0 → mean −0.25; sd = 0.5; stderr 0.25; t(0.975, 3) = 3.182446305284263.
    const d = find(rows, 'perturbation_delta', 'typos')!;
    expect(d.value).toBeCloseTo(-0.25, 12);
    expect(d.stderr).toBeCloseTo(0.25, 12);
    expect(d.ciLow).toBeCloseTo(-0.25 - 3.182446305284263 * 0.25, 9);
    // casing − none over a, b, c (d has no casing variant): 0, 0, +1 → mean 1/3.
    expect(find(rows, 'perturbation_delta', 'casing')).toMatchObject({ value: 1 / 3, n: 3 });
  });

  it('uses the t interval for a continuous scorer', () => {
    const f1 = find(rows, 'perturbation_accuracy', 'none', 'f1')!;
    // mean of 0.9, 0.6, 0.3, 1.0 = 0.7; sample sd = sqrt(((.2)²+(.1)²+(.4)²+(.3)²)/3) = sqrt(0.1)
    expect(f1.value).toBeCloseTo(0.7, 12);
    expect(f1.stderr).toBeCloseTo(Math.sqrt(0.1) / 2, 12);
  });
});

describe('worst_case_robustness', () => {
  it('counts an item only when right on the original and every perturbation (HELM)', () => {
    const rows = worstCaseRobustness(fixture);
    // a: min(1,1,1)=1; b: 0; c: 0; d: min(1,1)=1 → 0.5 over 4 items.
    expect(find(rows, 'robust_accuracy')).toMatchObject({ value: 0.5, n: 4, groupKey: '' });
    expect(find(rows, 'robust_accuracy')!.ciLow).toBeCloseTo(wilson(0.5, 4)[0], 12);
    // f1: min per item: a 0.5, b 0.2, c 0.1, d 0.8 → mean 0.4.
    expect(find(rows, 'robust_accuracy', '', 'f1')!.value).toBeCloseTo(0.4, 12);
  });

  it('leaves out an item whose original has no score', () => {
    const rows = worstCaseRobustness(fixture.filter((s) => s.sampleId !== 'd'));
    expect(find(rows, 'robust_accuracy')).toMatchObject({ value: 1 / 3, n: 3 });
  });

  it('equals plain accuracy when there are no perturbations', () => {
    const plain = [scored('a', undefined, { match: 1 }), scored('b', undefined, { match: 0 })];
    expect(find(worstCaseRobustness(plain), 'robust_accuracy')).toMatchObject({ value: 0.5, n: 2 });
  });
});

describe('epoch_consistency', () => {
  const withEpochs = (id: string, epochValues: number[]): ScoredSample => ({ sampleId: id, metadata: {}, target: [], scores: { match: { value: 0, epochValues } } });

  it('pairwise agreement is the share of equal epoch pairs', () => {
    expect(pairwiseAgreement([1, 1, 1])).toBe(1);
    expect(pairwiseAgreement([1, 1, 0])).toBeCloseTo(1 / 3, 12);
    expect(pairwiseAgreement([1, 0, 1, 0])).toBeCloseTo(2 / 6, 12);
    expect(pairwiseAgreement([1])).toBe(1);
  });

  it('gives the share of items whose epochs all agree, and the mean pairwise agreement', () => {
    const rows = epochConsistency([withEpochs('a', [1, 1, 1]), withEpochs('b', [1, 1, 0]), withEpochs('c', [0, 0, 0]), withEpochs('d', [1, 0, 1])]);
    // all agree: a, c → 2/4. pairwise: 1, 1/3, 1, 1/3 → 2/3.
    expect(find(rows, 'all_epochs_agree')).toMatchObject({ value: 0.5, n: 4 });
    expect(find(rows, 'all_epochs_agree')!.ciHigh).toBeCloseTo(wilson(0.5, 4)[1], 12);
    const pw = find(rows, 'pairwise_agreement')!;
    expect(pw.value).toBeCloseTo(2 / 3, 12);
    // [1, 1/3, 1, 1/3]: Σ(x − 2/3)² = 4/9, variance 4/27, stderr sqrt(4/27 / 4)
    expect(pw.stderr).toBeCloseTo(Math.sqrt(4 / 27 / 4), 12);
  });

  it('says nothing for a single-epoch run', () => {
    expect(epochConsistency([withEpochs('a', [1]), withEpochs('b', [0])])).toEqual([]);
  });
});

describe('confidence', () => {
  it.each([
    ['The answer is B.\nCONFIDENCE: 80%', 0.8],
    ['confidence = 35 %', 0.35],
    ['CONFIDENCE: 90%\n… on second thought\nCONFIDENCE: 60%', 0.6],
    ['Confidence: 100', 1],
    ['CONFIDENCE: 0%', 0],
    ['CONFIDENCE: 150%', undefined],
    ['I am fairly sure.', undefined],
  ])('reads %j as %s', (text, expected) => {
    expect(statedConfidence(text)).toBe(expected);
  });

  it('from logprobs is the probability of the whole output; stated confidence wins', () => {
    expect(logprobConfidence([{ token: 'B', logprob: Math.log(0.8) }, { token: '.', logprob: Math.log(0.5) }])).toBeCloseTo(0.4, 12);
    expect(logprobConfidence([])).toBeUndefined();
    expect(confidenceOf({ text: 'B\nCONFIDENCE: 70%', logprobs: [{ token: 'B', logprob: 0 }] })).toBe(0.7);
    expect(confidenceOf({ text: 'B', logprobs: [{ token: 'B', logprob: Math.log(0.25) }] })).toBeCloseTo(0.25, 12);
    expect(confidenceOf({ text: 'B' })).toBeUndefined();
  });
});

describe('calibration', () => {
  it('bins confidence into 10 equal-width bins, 1.0 in the last', () => {
    expect([0, 0.05, 0.1, 0.15, 0.95, 0.99, 1].map(binOf)).toEqual([0, 0, 1, 1, 9, 9, 9]);
  });

  it('computes ECE as the count-weighted gap between accuracy and confidence per bin', () => {
    // bin 0.9: confidences .9, .9, .9, .9 with scores 1,1,1,0 → acc .75, conf .9, gap .15, weight 4/6
    // bin 0.6: confidences .6, .6 with scores 1,0 → acc .5, conf .6, gap .1, weight 2/6
    const points = [0.9, 0.9, 0.9, 0.9, 0.6, 0.6].map((confidence, i) => ({ confidence, value: [1, 1, 1, 0, 1, 0][i]! }));
    expect(expectedCalibrationError(points)).toBeCloseTo((4 / 6) * 0.15 + (2 / 6) * 0.1, 12);
    expect(expectedCalibrationError([{ confidence: 1, value: 1 }, { confidence: 0, value: 0 }])).toBe(0);
  });

  it('pairs each epoch\'s confidence with that epoch\'s score, and reports the bins', () => {
    const s = (id: string, values: number[], texts: string[]): ScoredSample => ({
      sampleId: id, metadata: {}, target: [], scores: { match: { value: 0, epochValues: values } }, outputs: texts.map((text) => ({ text })),
    });
    const rows = calibration([
      s('a', [1, 0], ['A\nCONFIDENCE: 90%', 'B\nCONFIDENCE: 90%']),
      s('b', [1], ['A\nCONFIDENCE: 95%']),
      s('c', [0], ['C (no confidence given)']),
      { sampleId: 'd', metadata: {}, target: [], scores: { match: { value: 1, epochValues: [1] } }, outputs: [{ text: 'D', logprobs: [{ token: 'D', logprob: Math.log(0.25) }] }] },
    ]);
    // Points: (.9,1) (.9,0) (.95,1) in bin 9: acc 2/3, conf .9166…; (.25,1) in bin 2: acc 1, conf .25. c has none.
    const ece = (3 / 4) * Math.abs(2 / 3 - 2.75 / 3) + (1 / 4) * Math.abs(1 - 0.25);
    expect(find(rows, 'ece')!.value).toBeCloseTo(ece, 12);
    expect(find(rows, 'ece')).toMatchObject({ n: 4, stderr: null });
    expect(find(rows, 'calibration_accuracy', '0.9-1.0')).toMatchObject({ groupKey: 'confidence_bin', n: 3 });
    expect(find(rows, 'calibration_accuracy', '0.9-1.0')!.value).toBeCloseTo(2 / 3, 12);
    expect(find(rows, 'calibration_confidence', '0.2-0.3')!.value).toBeCloseTo(0.25, 12);
  });

  it('says nothing when no output carries a confidence', () => {
    expect(calibration([{ sampleId: 'a', metadata: {}, target: [], scores: { match: { value: 1, epochValues: [1] } }, outputs: [{ text: 'A' }] }])).toEqual([]);
  });
});

describe('CUSTOM_METRICS', () => {
  it.each(['perturbation_accuracy', 'worst_case_robustness', 'epoch_consistency', 'calibration', 'attack_success_rate'])('registers %s', (name) => {
    expect(typeof customMetric(name)).toBe('function');
  });
});
