/** Collects a parser's elements in order, with deterministic ids and offsets into the concatenated document text. */
import { AssayError } from '../../../errors/index.js';
import { createElement, type Element, type ElementMetadata, type ElementType } from '../../elements/index.js';
import type { ParseInput } from '../parser.js';

/** The separator the document text puts between elements (the same as the chunker's `ELEMENT_SEPARATOR`). */
const SEPARATOR = '\n\n';

/** What a parser knows about one element beyond its type and text. */
export interface SinkExtras {
  page?: number;
  bbox?: [number, number, number, number];
  metadata?: ElementMetadata;
}

/**
 * Appends elements; `charStart` of each is its offset in `elements.map((e) => e.text).join('\n\n')`. Throws
 * LIMIT_EXCEEDED once `limits.maxElements` is passed, so a pathological file stops early instead of filling memory.
 * @example const sink = new ElementSink(input); sink.push('title', 'Intro'); sink.elements // [Element]
 */
export class ElementSink {
  readonly elements: Element[] = [];
  #at = 0;

  constructor(private readonly input: Pick<ParseInput, 'path' | 'sha256' | 'limits'>) {}

  push(type: ElementType, text: string, extras: SinkExtras = {}): Element {
    if (this.elements.length >= this.input.limits.maxElements) {
      throw new AssayError('LIMIT_EXCEEDED', `${this.input.path}: more than ${this.input.limits.maxElements} elements.`, {
        where: { file: this.input.path },
        hint: 'Split the file, or raise the element limit (limits.maxElements).',
      });
    }
    const element = createElement({
      type,
      text,
      index: this.elements.length,
      source: { path: this.input.path, sha256: this.input.sha256 },
      charStart: this.#at,
      ...extras,
    });
    this.elements.push(element);
    this.#at += text.length + SEPARATOR.length;
    return element;
  }
}
