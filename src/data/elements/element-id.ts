/** Deterministic element ids, so re-parsing the same file gives the same ids (lineage survives re-runs). */
import { createHash } from 'node:crypto';
import type { Element, ElementMetadata } from './element.js';
import type { ElementType } from './element-types.js';

/**
 * The element id: the first 32 hex digits of SHA-256 over the source hash, the element's index and its text
 * (NUL-separated so the parts cannot run together).
 * @example elementId({ sourceSha256: 'ab…', index: 0, text: 'Intro' }) // '3f…' (32 hex digits)
 */
export function elementId(input: { sourceSha256: string; index: number; text: string }): string {
  return createHash('sha256').update(`${input.sourceSha256}\0${input.index}\0${input.text}`).digest('hex').slice(0, 32);
}

/** What a parser knows about an element before ids and labels are assigned. */
export interface ElementInput {
  type: ElementType;
  text: string;
  index: number;
  source: { path: string; sha256: string };
  page?: number;
  charStart?: number;
  bbox?: [number, number, number, number];
  metadata?: ElementMetadata;
}

/** Builds an element with its deterministic id and an empty label (run `labelElements` afterwards). */
export function createElement(input: ElementInput): Element {
  const charStart = input.charStart ?? 0;
  return {
    id: elementId({ sourceSha256: input.source.sha256, index: input.index, text: input.text }),
    type: input.type,
    text: input.text,
    ...(input.page === undefined ? {} : { page: input.page }),
    position: { index: input.index, charStart, charEnd: charStart + input.text.length, ...(input.bbox ? { bbox: input.bbox } : {}) },
    metadata: input.metadata ?? {},
    label: '',
    source: input.source,
  };
}
