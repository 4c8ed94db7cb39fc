/** Groups elements into pre-chunks: runs of whole elements that fit, each table alone, split at section boundaries. */
import type { Element } from '../elements/index.js';
import type { ResolvedChunkOptions } from './chunk-options.js';

/** Whole consecutive elements that become one chunk (or, for one oversized element or table, several). */
export interface PreChunk {
  kind: 'text' | 'table';
  elements: Element[];
  /** Page segments (numbered from 0, bumped at each page break or page change) of the first and last element. */
  firstSegment: number;
  lastSegment: number;
}

/** What the strategy adds: where a section starts (by-title: at a title, and at a page change unless multipage). */
export interface PreChunkRules extends ResolvedChunkOptions {
  startsSection: (next: Element, pageChanged: boolean) => boolean;
}

/** Length of the pre-chunk's text once its elements are joined with blank lines. */
export const preChunkLength = (p: PreChunk): number => p.elements.reduce((n, e) => n + e.text.length, 0) + 2 * (p.elements.length - 1);

/** Splits elements into pre-chunks; drops page breaks, empty elements and (unless kept) headers and footers. */
export function preChunk(elements: readonly Element[], rules: PreChunkRules): PreChunk[] {
  const out: PreChunk[] = [];
  let current: PreChunk | null = null;
  let segment = 0;
  let lastPage: number | undefined;
  let prev: Element | null = null;
  const flush = (): null => {
    if (current !== null) out.push(current);
    return null;
  };
  for (const e of elements) {
    if (e.type === 'page_break') {
      segment += 1;
      continue;
    }
    if (e.page !== undefined && lastPage !== undefined && e.page !== lastPage) segment += 1;
    if (e.page !== undefined) lastPage = e.page;
    if (e.text.trim() === '' || (!rules.keepHeaderFooter && (e.type === 'header' || e.type === 'footer'))) continue;
    if (e.type === 'table') {
      current = flush();
      out.push({ kind: 'table', elements: [e], firstSegment: segment, lastSegment: segment });
      prev = e;
      continue;
    }
    if (current !== null) {
      const len = preChunkLength(current);
      const boundary =
        rules.startsSection(e, segment !== current.lastSegment) ||
        (rules.splitOnLabelChange && prev !== null && prev.label !== e.label) ||
        len >= rules.newAfterChars ||
        len + 2 + e.text.length > rules.maxChars;
      if (boundary) current = flush();
    }
    if (current === null) current = { kind: 'text', elements: [], firstSegment: segment, lastSegment: segment };
    current.elements.push(e);
    current.lastSegment = segment;
    prev = e;
  }
  flush();
  return out;
}

/**
 * Combines consecutive small text pre-chunks across section boundaries (Unstructured `combine_text_under_n_chars`):
 * while the running pre-chunk is shorter than `combineUnderChars` and the next one fits within `maxChars`. Never
 * combines tables, pages (unless `multipage`) or, with `splitOnLabelChange`, differently labelled elements.
 */
export function combinePreChunks(pres: readonly PreChunk[], rules: ResolvedChunkOptions & { multipage: boolean }): PreChunk[] {
  const out: PreChunk[] = [];
  for (const next of pres) {
    const acc = out.at(-1);
    if (acc !== undefined && canCombine(acc, next, rules)) {
      out[out.length - 1] = { ...acc, elements: [...acc.elements, ...next.elements], lastSegment: next.lastSegment };
    } else out.push(next);
  }
  return out;
}

function canCombine(acc: PreChunk, next: PreChunk, rules: ResolvedChunkOptions & { multipage: boolean }): boolean {
  if (acc.kind !== 'text' || next.kind !== 'text') return false;
  const len = preChunkLength(acc);
  if (len >= rules.combineUnderChars || len + 2 + preChunkLength(next) > rules.maxChars) return false;
  if (!rules.multipage && next.firstSegment !== acc.lastSegment) return false;
  return !(rules.splitOnLabelChange && acc.elements.at(-1)!.label !== next.elements[0]!.label);
}
