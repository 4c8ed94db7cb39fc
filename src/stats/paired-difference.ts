/** Paired comparison of two models on the same samples: mean difference, its error bars and correlation. */
import { AssayError } from '../errors/index.js';
import { summarize } from './summarize.js';

export interface PairedDifferenceOptions {
  /** Cluster of each sample pair; see `summarize`. */
  clusters?: (string | undefined)[];
  confidence?: number;
}

export interface PairedDifference {
  n: number;
  meanA: number | null;
  meanB: number | null;
  /** meanA − meanB. */
  diff: number | null;
  stderr: number | null;
  ci: [number, number] | null;
  /** Pearson correlation of a and b; null when n < 2 or either side has no variance. */
  correlation: number | null;
  /** For 0/1 data: pairs where only A passed, and only B passed (the pairs that carry information). */
  discordant?: { aOnly: number; bOnly: number };
  clusters?: number;
}

/**
 * Compares a[i] with b[i] (same sample i): d_i = a_i − b_i, stderr = sd(d)/sqrt(n), t interval with n−1 df
 * (clustered over d when clusters are given).
 * @example pairedDifference([1, 1, 0], [0, 1, 0]).diff // 1/3
 */
export function pairedDifference(a: number[], b: number[], options: PairedDifferenceOptions = {}): PairedDifference {
  if (a.length !== b.length) {
    throw new AssayError('USAGE', `pairedDifference: ${a.length} scores for A but ${b.length} for B.`, {
      hint: 'Pair the scores by sample id first; both lists must cover the same samples in the same order.',
    });
  }
  const n = a.length;
  const d = a.map((x, i) => x - b[i]!);
  const summary = summarize(d, { kind: 'continuous', clusters: options.clusters, confidence: options.confidence });
  const result: PairedDifference = {
    n,
    meanA: n === 0 ? null : mean(a),
    meanB: n === 0 ? null : mean(b),
    diff: summary.value,
    stderr: summary.stderr,
    ci: summary.ci,
    correlation: correlation(a, b),
  };
  if (summary.clusters !== undefined) result.clusters = summary.clusters;
  const binary = (v: number): boolean => v === 0 || v === 1;
  if (n > 0 && a.every(binary) && b.every(binary)) {
    result.discordant = {
      aOnly: a.filter((x, i) => x === 1 && b[i] === 0).length,
      bOnly: a.filter((x, i) => x === 0 && b[i] === 1).length,
    };
  }
  return result;
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

function correlation(a: number[], b: number[]): number | null {
  if (a.length < 2) return null;
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  a.forEach((x, i) => {
    const y = b[i]!;
    sab += (x - ma) * (y - mb);
    saa += (x - ma) ** 2;
    sbb += (y - mb) ** 2;
  });
  return saa === 0 || sbb === 0 ? null : sab / Math.sqrt(saa * sbb);
}
