/** Chunking options, checked once: sizes are characters, the soft max and combine threshold capped by the hard max. */
import { AssayError } from '../../errors/index.js';

/** Options shared by both strategies. */
export interface BasicChunkOptions {
  /** Hard maximum characters per chunk (Unstructured `max_characters`). */
  maxChars: number;
  /** Characters of the previous piece repeated at the start of the next, only when an oversized element is split. */
  overlap: number;
  /** Soft maximum: a chunk this long takes no more elements (default `maxChars`). */
  newAfterChars?: number;
  /** Start a new chunk where the element label changes, so each chunk carries one portion marking (default false). */
  splitOnLabelChange?: boolean;
  /** Keep `header` and `footer` elements (page furniture such as banner lines); default false drops them. */
  keepHeaderFooter?: boolean;
}

/** Options for `chunkByTitle`. */
export interface ByTitleChunkOptions extends BasicChunkOptions {
  /** Sections shorter than this are combined with the next (capped at the soft max; 0 = never). */
  combineUnderChars: number;
  /** Let a section run across pages (default true in Unstructured); false makes each page change a boundary. */
  multipage: boolean;
}

/** Options after checking, with defaults filled. */
export interface ResolvedChunkOptions {
  maxChars: number;
  overlap: number;
  newAfterChars: number;
  combineUnderChars: number;
  splitOnLabelChange: boolean;
  keepHeaderFooter: boolean;
}

function bad(field: string, message: string): never {
  throw new AssayError('CONFIG_INVALID', `Chunk option ${field} ${message}.`, { where: { field } });
}

/** Checks and fills chunk options; throws CONFIG_INVALID naming the bad field. */
export function resolveChunkOptions(o: BasicChunkOptions & { combineUnderChars?: number }): ResolvedChunkOptions {
  const isCount = (v: number) => Number.isInteger(v) && v >= 0;
  if (!isCount(o.maxChars) || o.maxChars === 0) bad('maxChars', 'must be a positive integer');
  if (!isCount(o.overlap) || o.overlap >= o.maxChars) bad('overlap', 'must be an integer from 0 to maxChars - 1');
  const newAfterChars = Math.min(o.newAfterChars ?? o.maxChars, o.maxChars);
  if (!isCount(newAfterChars)) bad('newAfterChars', 'must be a non-negative integer');
  const combine = o.combineUnderChars ?? 0;
  if (!isCount(combine)) bad('combineUnderChars', 'must be a non-negative integer');
  return {
    maxChars: o.maxChars,
    overlap: o.overlap,
    newAfterChars,
    combineUnderChars: Math.min(combine, newAfterChars),
    splitOnLabelChange: o.splitOnLabelChange ?? false,
    keepHeaderFooter: o.keepHeaderFooter ?? false,
  };
}
