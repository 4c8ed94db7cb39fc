/** Mean, standard error and confidence interval of per-sample scores (Miller, "Adding Error Bars to Evals"). */
import { AssayError } from '../errors/index.js';
import { normalQuantile } from './normal.js';
import { studentTQuantile } from './student-t.js';

export interface SummarizeOptions {
  /** `binary` for 0/1 scores (Wilson interval), `continuous` for anything else (t interval). */
  kind: 'binary' | 'continuous';
  /** Cluster of each sample (same passage, template…); `undefined` makes a sample its own cluster. */
  clusters?: (string | undefined)[];
  /** Two-sided confidence level; default 0.95. */
  confidence?: number;
}

export interface Summary {
  value: number | null;
  stderr: number | null;
  ci: [number, number] | null;
  n: number;
  /** Number of distinct clusters, when `clusters` was given. */
  clusters?: number;
}

/**
 * Summarises scores. Binary 0/1 scores get p̂, sqrt(p̂(1−p̂)/n) and the Wilson interval; continuous scores the
 * mean, the CLT standard error and a Student-t interval. With ≥ 2 clusters, both use the clustered standard
 * error sqrt(C/(C−1))·sqrt(Σ_c (Σ_{i∈c}(s_i − s̄))²)/n and t with C−1 degrees of freedom.
 * A `binary` summary whose values are not all 0 or 1 (e.g. epoch means) uses the continuous formulas,
 * with the interval clipped to [0, 1].
 *
 * @example summarize([1, 0, 1, 1], { kind: 'binary' }) // { value: 0.75, stderr: 0.2165…, ci: [0.30…, 0.95…], n: 4 }
 */
export function summarize(values: number[], options: SummarizeOptions): Summary {
  const confidence = options.confidence ?? 0.95;
  validate(values, options, confidence);
  const n = values.length;
  const clusterCount = options.clusters ? countClusters(options.clusters) : undefined;
  const withClusters = <T extends Summary>(s: T): T => (clusterCount === undefined ? s : { ...s, clusters: clusterCount });
  if (n === 0) return withClusters({ value: null, stderr: null, ci: null, n });

  const mean = values.reduce((a, b) => a + b, 0) / n;
  const quantile = 1 - (1 - confidence) / 2;
  const bounded = options.kind === 'binary';

  if (options.clusters && clusterCount !== undefined && clusterCount >= 2) {
    const stderr = clusteredStderr(values, options.clusters, mean, clusterCount);
    const half = studentTQuantile(quantile, clusterCount - 1) * stderr;
    return withClusters({ value: mean, stderr, ci: interval(mean - half, mean + half, bounded), n });
  }
  if (bounded && values.every((v) => v === 0 || v === 1)) {
    const stderr = Math.sqrt((mean * (1 - mean)) / n);
    return withClusters({ value: mean, stderr, ci: wilson(mean, n, normalQuantile(quantile)), n });
  }
  if (n === 1) return withClusters({ value: mean, stderr: null, ci: null, n });
  const squares = values.reduce((acc, v) => acc + (v - mean) ** 2, 0);
  const stderr = Math.sqrt(squares / (n * (n - 1)));
  const half = studentTQuantile(quantile, n - 1) * stderr;
  return withClusters({ value: mean, stderr, ci: interval(mean - half, mean + half, bounded), n });
}

/** The Wilson score interval for a proportion p̂ of n trials. */
export function wilson(p: number, n: number, z: number): [number, number] {
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At p̂ = 0 or 1 the bound is exactly 0 or 1; say so rather than leave rounding error.
  return [p === 0 ? 0 : Math.max(0, centre - half), p === 1 ? 1 : Math.min(1, centre + half)];
}

function clusteredStderr(values: number[], clusters: (string | undefined)[], mean: number, c: number): number {
  const sums = new Map<string | number, number>();
  values.forEach((v, i) => {
    const key = clusters[i] ?? i; // an unclustered sample is its own cluster
    sums.set(key, (sums.get(key) ?? 0) + (v - mean));
  });
  let total = 0;
  for (const s of sums.values()) total += s * s;
  return (Math.sqrt(c / (c - 1)) * Math.sqrt(total)) / values.length;
}

function countClusters(clusters: (string | undefined)[]): number {
  const named = new Set<string>();
  let loose = 0;
  for (const c of clusters) {
    if (c === undefined) loose++;
    else named.add(c);
  }
  return named.size + loose;
}

function interval(lo: number, hi: number, bounded: boolean): [number, number] {
  return bounded ? [Math.max(0, lo), Math.min(1, hi)] : [lo, hi];
}

function validate(values: number[], options: SummarizeOptions, confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new AssayError('USAGE', `summarize: confidence ${confidence} must be strictly between 0 and 1.`, {
      hint: 'Use e.g. 0.95 for a 95% interval.',
    });
  }
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new AssayError('USAGE', `summarize: value at index ${bad} is ${values[bad]}, not a finite number.`);
  if (options.clusters && options.clusters.length !== values.length) {
    throw new AssayError(
      'USAGE',
      `summarize: ${options.clusters.length} cluster labels for ${values.length} values; give one label (or undefined) per value.`,
    );
  }
}
