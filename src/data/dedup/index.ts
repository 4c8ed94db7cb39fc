/** Deduplication for the data engine: exact (SHA-256 of normalised content) and near (MinHash + LSH + union-find). */
export type { DedupDocument, DocumentStream } from './document.js';
export { normalizeForDedup, type DedupNormalizeOptions } from './normalize-for-dedup.js';
export { contentHash, exactDedup, ExactDedupIndex, type ExactDedupResult } from './exact-dedup.js';
export { shingleHashes } from './shingles.js';
export { createMinHasher, estimateJaccard, jaccard, type MinHasher } from './minhash.js';
export { describeLsh, lshMatchProbability, lshThreshold, type LshDescription } from './lsh-probability.js';
export { UnionFind } from './union-find.js';
export { nearDedup, NearDedupIndex, type NearDedupOptions, type NearDedupResult, type NearDuplicatePair } from './near-dedup.js';
