/** Overlap resolution: among intersecting findings keep the higher score, then the longer span, then the earlier. */
import type { PiiResult } from './pii-types.js';

/**
 * Returns non-overlapping results sorted by start. Greedy over results ranked by score (desc),
 * length (desc), start (asc); a result is kept when it intersects none already kept.
 */
export function resolveOverlaps(results: readonly PiiResult[]): PiiResult[] {
  const ranked = [...results].sort(
    (a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: PiiResult[] = [];
  for (const r of ranked) {
    if (!kept.some((k) => r.start < k.end && k.start < r.end)) kept.push(r);
  }
  return kept.sort((a, b) => a.start - b.start);
}
