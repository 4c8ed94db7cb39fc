/** Turns a chunk into the stored ChunkRecord: label, portion marks, PII spans, lineage and a content-addressed id. */
import { canonicalJson, sha256 } from '../../hashing/canonical-json.js';
import { parseMarking, renderMarking } from '../../markings/index.js';
import type { Chunk } from '../chunk/index.js';
import type { ChunkLineage, ChunkRecord } from '../dataset/dataset-types.js';
import type { Element } from '../elements/index.js';
import { analyze, type PiiType } from '../pii/index.js';

/** What every chunk of one document shares. */
export interface ChunkContext {
  documentId: string;
  source: { path: string; sha256: string };
  /** Element id → element, for offsets and portion marks. */
  elements: ReadonlyMap<string, Element>;
  transformations: readonly string[];
  /** Label of a chunk whose elements are unmarked. */
  unmarkedLabel: string;
  metadata: Record<string, string>;
}

/** Labels repeat across a corpus; parsing each once keeps marking work off the hot path. */
const PORTION_CACHE = new Map<string, string>();

/** The portion form of a banner-form element label (`SECRET//NOFORN` → `(S//NF)`); the label itself if unreadable. */
export function portionMark(label: string): string {
  const cached = PORTION_CACHE.get(label);
  if (cached !== undefined) return cached;
  const m = parseMarking(label, { form: 'any', lenient: true }).marking;
  const mark = m ? renderMarking(m, 'portion') : label;
  if (PORTION_CACHE.size >= 1024) PORTION_CACHE.clear();
  PORTION_CACHE.set(label, mark);
  return mark;
}

/** The chunk's range in the document's extracted text, from its elements' positions (and the piece of a split one). */
function charRange(chunk: Chunk, elements: ReadonlyMap<string, Element>): { charStart: number; charEnd: number } {
  let charStart = Number.POSITIVE_INFINITY;
  let charEnd = 0;
  for (const span of chunk.spans) {
    const e = elements.get(span.elementId);
    if (!e) continue;
    const start = e.position.charStart + (span.source?.start ?? 0);
    const end = span.source ? Math.min(e.position.charStart + span.source.end, e.position.charEnd) : e.position.charEnd;
    charStart = Math.min(charStart, start);
    charEnd = Math.max(charEnd, end);
  }
  return Number.isFinite(charStart) ? { charStart, charEnd: Math.max(charEnd, charStart) } : { charStart: 0, charEnd: 0 };
}

/** PII found in the chunk's text: types (unique, sorted) and spans. */
function piiOf(text: string): ChunkRecord['pii'] {
  const spans = analyze(text).map((r) => ({ type: r.type, start: r.start, end: r.end, score: r.score }));
  const types = [...new Set(spans.map((s) => s.type))].sort() as PiiType[];
  return { types, spans };
}

/**
 * The stored record of `chunk` (no `duplicateOf`: dedup belongs to a version). Its id is sha256 of the canonical
 * JSON of {text, label, lineage}, so the same content from the same source is the same chunk.
 * @example toChunkRecord(chunk, ctx).id // 64 hex digits
 */
export function toChunkRecord(chunk: Chunk, ctx: ChunkContext): ChunkRecord {
  const label = chunk.label === '' ? ctx.unmarkedLabel : chunk.label;
  const lineage: ChunkLineage = {
    source: ctx.source,
    elementIds: chunk.elementIds,
    ...(chunk.pages[0] === undefined ? {} : { page: chunk.pages[0] }),
    ...charRange(chunk, ctx.elements),
    transformations: [...ctx.transformations],
  };
  const portionMarks = chunk.elementIds.map((id) => portionMark(ctx.elements.get(id)?.label || ctx.unmarkedLabel));
  const metadata = { ...ctx.metadata, kind: chunk.kind, ...(chunk.pages.length > 0 ? { pages: chunk.pages.join(',') } : {}) };
  return {
    id: sha256(canonicalJson({ text: chunk.text, label, lineage })),
    documentId: ctx.documentId,
    text: chunk.text,
    label,
    portionMarks,
    tokenCount: chunk.tokens,
    pii: piiOf(chunk.text),
    lineage,
    metadata,
  };
}
