/** Near-dedup: MinHash over word shingles, LSH banding for candidates, verification by estimated Jaccard, union-find clusters. */
import { AssayError } from '../../errors/index.js';
import type { DocumentStream } from './document.js';
import { fmix32 } from './hash32.js';
import { lshThreshold } from './lsh-probability.js';
import { createMinHasher, estimateJaccard, type MinHasher } from './minhash.js';
import type { DedupNormalizeOptions } from './normalize-for-dedup.js';
import { shingleHashes } from './shingles.js';
import { UnionFind } from './union-find.js';

/**
 * Parameters. Defaults: word 5-shingles (as datatrove and text-dedup), 16 bands × 8 rows = 128 permutations, verify at
 * estimated Jaccard ≥ 0.8. Why 16×8: its S-curve threshold is ≈ 0.71, so pairs at s = 0.8 become candidates with
 * P ≈ 0.95 and at s = 0.9 with P ≈ 0.9999, while pairs at s = 0.5 do so only with P ≈ 0.06 (32×4 would catch s = 0.8
 * with P ≈ 1.0 but also make 87% of s = 0.5 pairs candidates, each costing a 128-wide comparison).
 */
export interface NearDedupOptions {
  /** Words per shingle. Default 5. */
  k?: number;
  bands?: number;
  rows?: number;
  /** Candidates are duplicates when their estimated Jaccard is at least this. Default 0.8. */
  threshold?: number;
  /** Seed of the permutation family; same seed, same answer. Default 1. */
  seed?: number;
  normalize?: DedupNormalizeOptions;
}

/** A verified near-duplicate pair; `a` came first in the stream. */
export interface NearDuplicatePair {
  a: string;
  b: string;
  similarity: number;
}

/** The result: the parameters used, clusters of two or more (first document is the representative), and what to drop. */
export interface NearDedupResult {
  params: Required<Omit<NearDedupOptions, 'normalize'>> & { numPerm: number; lshThreshold: number };
  documents: number;
  /** Candidate pairs compared (before verification). */
  candidates: number;
  pairs: NearDuplicatePair[];
  clusters: Array<{ representative: string; members: string[] }>;
  /** Every clustered document except its cluster's representative. */
  duplicates: string[];
}

const CHUNK = 4096;

/** The streaming index: holds one signature per document plus the band buckets, never the texts. */
export class NearDedupIndex {
  readonly params: NearDedupResult['params'];
  private readonly hasher: MinHasher;
  private readonly ids: string[] = [];
  private readonly sets = new UnionFind();
  private readonly chunks: Uint32Array[] = [];
  private readonly buckets: Array<Map<number, number | number[]>>;
  private readonly pairs: NearDuplicatePair[] = [];
  private readonly normalize: DedupNormalizeOptions;
  private candidates = 0;

  constructor(options: NearDedupOptions = {}) {
    const bands = options.bands ?? 16;
    const rows = options.rows ?? 8;
    const threshold = options.threshold ?? 0.8;
    if (!(bands >= 1 && rows >= 1 && Number.isInteger(bands) && Number.isInteger(rows)) || !(threshold > 0 && threshold <= 1)) {
      throw new AssayError('CONFIG_INVALID', `near-dedup needs integer bands, rows ≥ 1 and 0 < threshold ≤ 1 (got ${bands}, ${rows}, ${threshold})`);
    }
    const seed = options.seed ?? 1;
    this.params = { k: options.k ?? 5, bands, rows, threshold, seed, numPerm: bands * rows, lshThreshold: lshThreshold(bands, rows) };
    this.hasher = createMinHasher(bands * rows, seed);
    this.buckets = Array.from({ length: bands }, () => new Map());
    this.normalize = options.normalize ?? {};
  }

  private signatureOf(i: number): Uint32Array {
    const n = this.params.numPerm;
    const off = (i % CHUNK) * n;
    return this.chunks[Math.floor(i / CHUNK)]!.subarray(off, off + n);
  }

  private store(i: number, sig: Uint32Array): void {
    if (i % CHUNK === 0) this.chunks.push(new Uint32Array(CHUNK * this.params.numPerm));
    this.chunks[this.chunks.length - 1]!.set(sig, (i % CHUNK) * this.params.numPerm);
  }

  /** Adds a document; returns the earlier documents it was verified to be a near-duplicate of (usually none). */
  add(id: string, text: string): NearDuplicatePair[] {
    return this.addSignature(id, this.sign(text));
  }

  /** The MinHash signature of `text` under this index's parameters; null when it has no shingles (empty text). */
  sign(text: string): Uint32Array | null {
    const shingles = shingleHashes(text, this.params.k, this.normalize);
    return shingles.length === 0 ? null : this.hasher.signature(shingles);
  }

  /** As `add`, for a signature from `sign` (computed earlier, e.g. stored with the document): the same answer. */
  addSignature(id: string, signature: Uint32Array | null): NearDuplicatePair[] {
    if (signature !== null && signature.length !== this.params.numPerm) {
      throw new AssayError('INTERNAL', `near-dedup signature of ${id} has ${signature.length} values, expected ${this.params.numPerm}`);
    }
    const i = this.sets.add();
    this.ids.push(id);
    const sig = signature ?? this.hasher.signature(new Uint32Array(0));
    this.store(i, sig);
    if (signature === null) return []; // empty text: leave it to exact dedup
    const found: NearDuplicatePair[] = [];
    const seen = new Set<number>();
    const { rows, threshold } = this.params;
    for (let b = 0; b < this.params.bands; b++) {
      const key = bandKey(sig, b * rows, rows, b);
      const bucket = this.buckets[b]!;
      const held = bucket.get(key);
      const members = held === undefined ? [] : typeof held === 'number' ? [held] : held;
      for (const c of members) {
        if (seen.has(c)) continue;
        seen.add(c);
        if (this.sets.find(c) === this.sets.find(i)) continue; // already joined through another pair
        this.candidates++;
        const similarity = estimateJaccard(sig, this.signatureOf(c));
        if (similarity < threshold) continue;
        this.sets.union(c, i);
        found.push({ a: this.ids[c]!, b: id, similarity });
      }
      if (held === undefined) bucket.set(key, i);
      else if (typeof held === 'number') bucket.set(key, [held, i]);
      else held.push(i);
    }
    this.pairs.push(...found);
    return found;
  }

  /** The clusters and duplicates so far. */
  result(): NearDedupResult {
    const groups = new Map<number, string[]>();
    for (let i = 0; i < this.ids.length; i++) {
      const root = this.sets.find(i);
      if (root === i) continue;
      let g = groups.get(root);
      if (!g) groups.set(root, (g = [this.ids[root]!]));
      g.push(this.ids[i]!);
    }
    const clusters = [...groups.values()].map((members) => ({ representative: members[0]!, members }));
    return {
      params: this.params,
      documents: this.ids.length,
      candidates: this.candidates,
      pairs: [...this.pairs],
      clusters,
      duplicates: clusters.flatMap((c) => c.members.slice(1)),
    };
  }
}

/** A 53-bit key for rows [start, start+rows) of a signature: two independent 32-bit hashes, 21 + 32 bits kept. */
function bandKey(sig: Uint32Array, start: number, rows: number, band: number): number {
  let h1 = 0x9747b28c ^ band;
  let h2 = 0x1b873593 ^ band;
  for (let j = start; j < start + rows; j++) {
    h1 = Math.imul(h1 ^ sig[j]!, 0xcc9e2d51);
    h1 = (h1 << 13) | (h1 >>> 19);
    h2 = Math.imul(h2 ^ sig[j]!, 0x85ebca6b);
    h2 = (h2 << 15) | (h2 >>> 17);
  }
  return (fmix32(h1) & 0x1fffff) * 0x100000000 + fmix32(h2);
}

/**
 * Near-deduplicates a stream of documents, reading it once; memory grows with the signatures (4·numPerm bytes per
 * document) and bucket entries, not with the texts. The first document of each cluster is the one to keep.
 * @example (await nearDedup(docs, { threshold: 0.8 })).duplicates // ids to drop
 */
export async function nearDedup(docs: DocumentStream, options: NearDedupOptions & { signal?: AbortSignal } = {}): Promise<NearDedupResult> {
  const index = new NearDedupIndex(options);
  let n = 0;
  for await (const doc of docs) {
    if (options.signal?.aborted) throw new AssayError('ABORTED', `near dedup aborted after ${n} documents`);
    index.add(doc.id, doc.text);
    n++;
  }
  return index.result();
}
