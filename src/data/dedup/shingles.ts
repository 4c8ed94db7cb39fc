/** Word k-shingles of normalised text, hashed to 32 bits (the set MinHash estimates Jaccard over). */
import { fmix32, hashString } from './hash32.js';
import { normalizeForDedup, type DedupNormalizeOptions } from './normalize-for-dedup.js';

/**
 * The distinct hashed word k-shingles of `text` after `normalizeForDedup`. A text with fewer than `k` words gives
 * one shingle of all its words; an empty text gives none.
 * @example shingleHashes('a b c d e f', 5).length // 2
 */
export function shingleHashes(text: string, k = 5, normalize: DedupNormalizeOptions = {}): Uint32Array {
  const normalised = normalizeForDedup(text, normalize);
  if (normalised === '') return new Uint32Array(0);
  const words = normalised.split(' ').map((w) => hashString(w));
  const span = Math.min(k, words.length);
  const out = new Set<number>();
  for (let i = 0; i + span <= words.length; i++) {
    let h = span;
    for (let j = 0; j < span; j++) h = fmix32(Math.imul(h, 0x9e3779b1) ^ words[i + j]!);
    out.add(h);
  }
  return Uint32Array.from(out);
}
