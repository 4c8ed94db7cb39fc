/** Unstructured's `by_title` strategy: each title starts a section; small sections are combined; pages kept apart unless multipage. */
import type { Element } from '../elements/index.js';
import type { Chunk } from './chunk.js';
import { resolveChunkOptions, type ByTitleChunkOptions } from './chunk-options.js';
import { makeChunks } from './make-chunks.js';
import { combinePreChunks, preChunk } from './pre-chunk.js';

/**
 * Chunks elements by section: a title always starts a new chunk, as does a page change when `multipage` is false.
 * Sections shorter than `combineUnderChars` are then combined with the next while the result fits `maxChars`.
 * Otherwise as `chunkBasic` (tables alone, oversized elements split with overlap).
 * @example chunkByTitle(labelElements(elements), { maxChars: 500, overlap: 0, combineUnderChars: 200, multipage: true })
 */
export function chunkByTitle(elements: readonly Element[], options: ByTitleChunkOptions): Chunk[] {
  const o = resolveChunkOptions(options);
  const rules = { ...o, multipage: options.multipage };
  const pres = preChunk(elements, { ...o, startsSection: (next, pageChanged) => next.type === 'title' || (!options.multipage && pageChanged) });
  return combinePreChunks(pres, rules).flatMap((p) => makeChunks(p, o));
}
