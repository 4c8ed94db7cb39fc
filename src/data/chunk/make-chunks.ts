/** Turns a pre-chunk into chunks: joins whole elements, or splits one oversized text element or table. */
import { createHash } from 'node:crypto';
import { rollupLabels, type Element } from '../elements/index.js';
import type { Chunk, ChunkSpan } from './chunk.js';
import type { ResolvedChunkOptions } from './chunk-options.js';
import { countTokens } from './count-tokens.js';
import type { PreChunk } from './pre-chunk.js';
import { splitTable } from './split-table.js';
import { splitText } from './split-text.js';

/** The separator between elements inside a chunk (as in Unstructured). */
export const ELEMENT_SEPARATOR = '\n\n';

function chunk(kind: Chunk['kind'], elements: readonly Element[], text: string, spans: ChunkSpan[]): Chunk {
  const elementIds = elements.map((e) => e.id);
  const pages = [...new Set(elements.flatMap((e) => (e.page === undefined ? [] : [e.page])))].sort((a, b) => a - b);
  const id = createHash('sha256').update(JSON.stringify({ elementIds, spans, text })).digest('hex').slice(0, 32);
  return { id, kind, text, elementIds, pages, spans, label: rollupLabels(elements.map((e) => e.label)), tokens: countTokens(text) };
}

/** The chunks for one pre-chunk. */
export function makeChunks(pre: PreChunk, o: ResolvedChunkOptions): Chunk[] {
  const [first] = pre.elements;
  if (first === undefined) return [];
  if (pre.kind === 'table') {
    if (first.text.length <= o.maxChars) return [chunk('table', [first], first.text, [{ elementId: first.id, start: 0, end: first.text.length }])];
    return splitTable(first, o.maxChars).map((p) => chunk('table', [first], p.text, [{ elementId: first.id, start: 0, end: p.text.length, rows: p.rows }]));
  }
  if (pre.elements.length === 1 && first.text.length > o.maxChars) {
    return splitText(first.text, o).map((p) =>
      chunk('text', [first], p.text, [{ elementId: first.id, start: 0, end: p.text.length, source: { start: p.start, end: p.end } }]),
    );
  }
  const spans: ChunkSpan[] = [];
  let at = 0;
  for (const e of pre.elements) {
    spans.push({ elementId: e.id, start: at, end: at + e.text.length });
    at += e.text.length + ELEMENT_SEPARATOR.length;
  }
  return [chunk('text', pre.elements, pre.elements.map((e) => e.text).join(ELEMENT_SEPARATOR), spans)];
}
