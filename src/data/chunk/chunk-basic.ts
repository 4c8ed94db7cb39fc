/** Unstructured's `basic` strategy: fill each chunk with whole consecutive elements up to the soft and hard max. */
import type { Element } from '../elements/index.js';
import type { Chunk } from './chunk.js';
import { resolveChunkOptions, type BasicChunkOptions } from './chunk-options.js';
import { makeChunks } from './make-chunks.js';
import { preChunk } from './pre-chunk.js';

/**
 * Chunks elements without regard to sections: whole elements joined by blank lines until the next would pass
 * `maxChars` or the chunk has reached `newAfterChars`. Tables are chunks of their own (split by rows with the header
 * repeated when too long); an element longer than `maxChars` is split at sentences, then words, with `overlap`.
 * @example chunkBasic(labelElements(elements), { maxChars: 500, overlap: 50 })
 */
export function chunkBasic(elements: readonly Element[], options: BasicChunkOptions): Chunk[] {
  const o = resolveChunkOptions(options);
  return preChunk(elements, { ...o, startsSection: () => false }).flatMap((p) => makeChunks(p, o));
}
