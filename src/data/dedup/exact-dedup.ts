/** Exact dedup: SHA-256 of the normalised content, first occurrence kept. */
import { createHash } from 'node:crypto';
import { AssayError } from '../../errors/index.js';
import type { DocumentStream } from './document.js';
import { normalizeForDedup, type DedupNormalizeOptions } from './normalize-for-dedup.js';

/**
 * Hex SHA-256 of `normalizeForDedup(text)`: the content identity (keep a raw-bytes hash separately for file lineage).
 * @example contentHash('Hello,  World') === contentHash('hello world') // true
 */
export function contentHash(text: string, options: DedupNormalizeOptions = {}): string {
  return createHash('sha256').update(normalizeForDedup(text, options), 'utf8').digest('hex');
}

/** Remembers content hashes; memory is one hash and one id per distinct content. */
export class ExactDedupIndex {
  private readonly first = new Map<string, string>();
  constructor(private readonly options: DedupNormalizeOptions = {}) {}

  /** Adds a document; returns the id of the earlier document with the same content, or null if it is the first. */
  add(id: string, text: string): string | null {
    return this.addHash(id, contentHash(text, this.options));
  }

  /** As `add`, for a document whose `contentHash` (same options) was computed earlier. */
  addHash(id: string, hash: string): string | null {
    const earlier = this.first.get(hash);
    if (earlier !== undefined) return earlier;
    this.first.set(hash, id);
    return null;
  }

  /** Distinct contents seen so far. */
  get size(): number {
    return this.first.size;
  }
}

/** Outcome of `exactDedup`: every document after the first with the same content, and what it duplicates. */
export interface ExactDedupResult {
  documents: number;
  unique: number;
  duplicates: Array<{ id: string; duplicateOf: string }>;
}

/**
 * Reads the stream once and reports exact duplicates (after normalisation), keeping the first of each.
 * @example await exactDedup([{ id: 'a', text: 'Hi!' }, { id: 'b', text: 'hi' }]) // duplicates: [{ id: 'b', duplicateOf: 'a' }]
 */
export async function exactDedup(
  docs: DocumentStream,
  options: DedupNormalizeOptions & { signal?: AbortSignal } = {},
): Promise<ExactDedupResult> {
  const index = new ExactDedupIndex(options);
  const duplicates: ExactDedupResult['duplicates'] = [];
  let documents = 0;
  for await (const doc of docs) {
    if (options.signal?.aborted) throw new AssayError('ABORTED', `exact dedup aborted after ${documents} documents`);
    documents++;
    const duplicateOf = index.add(doc.id, doc.text);
    if (duplicateOf !== null) duplicates.push({ id: doc.id, duplicateOf });
  }
  return { documents, unique: index.size, duplicates };
}
