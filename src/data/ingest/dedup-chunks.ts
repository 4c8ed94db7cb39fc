/** Marks duplicate chunks of a version in stream order: exact (normalised content hash) first, then MinHash-LSH near. */
import type { DatasetVersionInfo } from '../dataset/dataset-types.js';
import { ExactDedupIndex, NearDedupIndex } from '../dedup/index.js';

/** The near-dedup parameters every version uses (recorded in its stats, for the dataset card). */
export const NEAR_DEDUP = { k: 5, bands: 16, rows: 8, threshold: 0.8, seed: 1 } as const;

/** The stats form of NEAR_DEDUP. */
export const NEAR_DEDUP_STATS: DatasetVersionInfo['stats']['nearDedup'] = {
  numPerm: NEAR_DEDUP.bands * NEAR_DEDUP.rows,
  bands: NEAR_DEDUP.bands,
  rows: NEAR_DEDUP.rows,
  threshold: NEAR_DEDUP.threshold,
  shingle: NEAR_DEDUP.k,
};

/** Stateful: feed chunks in version order; the first of each group is kept, later ones point at it. */
export class ChunkDeduper {
  private readonly exact = new ExactDedupIndex();
  private readonly near = new NearDedupIndex(NEAR_DEDUP);
  private readonly representative = new Map<string, string>();

  /** `exact:<id>` / `near:<id>` of the kept chunk this one duplicates, or null when it is kept. */
  add(id: string, text: string): string | null {
    const same = this.exact.add(id, text);
    if (same !== null) return `exact:${same}`;
    const pairs = this.near.add(id, text);
    const first = pairs[0];
    if (!first) return null;
    const rep = this.representative.get(first.a) ?? first.a;
    this.representative.set(id, rep);
    return `near:${rep}`;
  }
}
