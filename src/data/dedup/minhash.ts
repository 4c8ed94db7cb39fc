/** MinHash signatures: the minimum of each of `numPerm` seeded 32-bit permutations over a shingle set. */
import { fmix32, seededRandom } from './hash32.js';

/** A deterministic MinHash family; the same `numPerm` and `seed` always give the same signatures. */
export interface MinHasher {
  numPerm: number;
  seed: number;
  /** The signature of a set of hashed shingles (all 0xffffffff for the empty set). */
  signature(shingles: Uint32Array): Uint32Array;
}

/**
 * Builds `numPerm` permutations π_i(x) = fmix32(x XOR s_i), s_i drawn from a generator seeded with `seed`. fmix32 and
 * XOR are both bijections on 32 bits, so each π_i is a true permutation of the shingle-hash space.
 * @example createMinHasher(128, 1).signature(shingleHashes('some text here')).length // 128
 */
export function createMinHasher(numPerm = 128, seed = 1): MinHasher {
  const next = seededRandom(seed);
  const salts = Uint32Array.from({ length: numPerm }, () => next());
  return {
    numPerm,
    seed,
    signature(shingles) {
      const sig = new Uint32Array(numPerm).fill(0xffffffff);
      for (let i = 0; i < numPerm; i++) {
        const salt = salts[i]!;
        let min = 0xffffffff;
        for (let j = 0; j < shingles.length; j++) {
          const v = fmix32(shingles[j]! ^ salt);
          if (v < min) min = v;
        }
        sig[i] = min;
      }
      return sig;
    },
  };
}

/** The MinHash estimate of Jaccard similarity: the share of positions where two signatures agree. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length ? same / a.length : 0;
}

/** Exact Jaccard similarity of two hashed shingle sets (for tests and small-scale checks). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const sa = new Set(a);
  let inter = 0;
  for (const x of new Set(b)) if (sa.has(x)) inter++;
  const union = sa.size + new Set(b).size - inter;
  return union ? inter / union : 0;
}
