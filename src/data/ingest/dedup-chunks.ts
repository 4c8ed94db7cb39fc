/** Marks duplicate chunks of a version in stream order: exact (normalised content hash) first, then MinHash-LSH near. */
import type { DatasetVersionInfo } from '../dataset/dataset-types.js';
import { ExactDedupIndex, NearDedupIndex, type NearDuplicatePair } from '../dedup/index.js';
import { DedupKeyCodec, type DedupKey } from './dedup-key.js';

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

/** Signs texts only (never fed): MinHash under NEAR_DEDUP. */
const SIGNER = new NearDedupIndex(NEAR_DEDUP);

/** Stateful: feed chunks in version order; the first of each group is kept, later ones point at it. */
export class ChunkDeduper {
  private readonly exact = new ExactDedupIndex();
  private readonly near = new NearDedupIndex(NEAR_DEDUP);
  private readonly representative = new Map<string, string>();

  /** `exact:<id>` / `near:<id>` of the kept chunk this one duplicates, or null when it is kept. */
  add(id: string, text: string): string | null {
    const same = this.exact.add(id, text);
    if (same !== null) return `exact:${same}`;
    return this.nearOf(id, this.near.add(id, text));
  }

  /** As `add`, from the chunk's stored dedup key (DEDUP_KEYS.compute of its text): the same answer, no text needed. */
  addKey(id: string, key: DedupKey): string | null {
    const same = this.exact.addHash(id, key.hash);
    if (same !== null) return `exact:${same}`;
    return this.nearOf(id, this.near.addSignature(id, key.signature));
  }

  private nearOf(id: string, pairs: NearDuplicatePair[]): string | null {
    const first = pairs[0];
    if (!first) return null;
    const rep = this.representative.get(first.a) ?? first.a;
    this.representative.set(id, rep);
    return `near:${rep}`;
  }
}

/** Computes, seals and opens chunk dedup keys under NEAR_DEDUP (the params tag changes when NEAR_DEDUP does). */
export const DEDUP_KEYS = new DedupKeyCodec(
  (text) => SIGNER.sign(text),
  `mh1-k${NEAR_DEDUP.k}-p${NEAR_DEDUP_STATS.numPerm}-s${NEAR_DEDUP.seed}`,
  NEAR_DEDUP_STATS.numPerm,
);
