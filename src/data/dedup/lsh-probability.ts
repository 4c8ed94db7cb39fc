/** The LSH banding S-curve: how likely two documents of Jaccard s are to share at least one of b bands of r rows. */

/**
 * P(candidate | Jaccard s) = 1 − (1 − s^r)^b.
 * @example lshMatchProbability(0.8, 16, 8) // ≈ 0.947
 */
export function lshMatchProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}

/** The Jaccard at which the S-curve is steepest, approximately (1/b)^(1/r). */
export function lshThreshold(bands: number, rows: number): number {
  return (1 / bands) ** (1 / rows);
}

/** A tabulated S-curve for one banding. */
export interface LshDescription {
  bands: number;
  rows: number;
  numPerm: number;
  threshold: number;
  curve: Array<{ s: number; p: number }>;
  /** Printable summary, one line per s. */
  text: string;
}

/**
 * Tabulates the S-curve of a `bands × rows` banding at the given Jaccard values.
 * @example describeLsh(16, 8).text // 'LSH 16 bands × 8 rows = 128 permutations, threshold ≈ 0.707\n  s=0.20  P=0.0000…'
 */
export function describeLsh(bands: number, rows: number, points: readonly number[] = [0.2, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]): LshDescription {
  const threshold = lshThreshold(bands, rows);
  const curve = points.map((s) => ({ s, p: lshMatchProbability(s, bands, rows) }));
  const head = `LSH ${bands} bands × ${rows} rows = ${bands * rows} permutations, threshold ≈ ${threshold.toFixed(3)}`;
  const lines = curve.map(({ s, p }) => `  s=${s.toFixed(2)}  P=${p.toFixed(4)}`);
  return { bands, rows, numPerm: bands * rows, threshold, curve, text: [head, ...lines].join('\n') };
}
