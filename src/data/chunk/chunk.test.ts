import { describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import { dominates } from '../../markings/index.js';
import { createElement, labelElements, type Element, type ElementMetadata, type ElementType } from '../elements/index.js';
import { chunkBasic } from './chunk-basic.js';
import { chunkByTitle } from './chunk-by-title.js';

const source = { path: 'doc.pdf', sha256: 'e'.repeat(64) };
type Item = [ElementType, string, number?, ElementMetadata?];
const make = (items: Item[]): Element[] =>
  items.map(([type, text, page, metadata], index) => createElement({ type, text, index, source, ...(page === undefined ? {} : { page }), ...(metadata ? { metadata } : {}) }));
const para = (n: number, tag: string) => `${tag} ${'lorem '.repeat(Math.ceil(n / 6))}`.slice(0, n).trimEnd() + '.';
const byTitle = { maxChars: 200, overlap: 0, combineUnderChars: 0, multipage: true };

describe('chunkByTitle', () => {
  it('starts a new chunk at each title and joins a section with blank lines', () => {
    const els = make([['title', 'One'], ['narrative_text', 'Alpha text.'], ['list_item', 'Beta item.'], ['title', 'Two'], ['narrative_text', 'Gamma text.']]);
    const chunks = chunkByTitle(els, byTitle);
    expect(chunks.map((c) => c.text)).toEqual(['One\n\nAlpha text.\n\nBeta item.', 'Two\n\nGamma text.']);
    expect(chunks[0]!.elementIds).toEqual(els.slice(0, 3).map((e) => e.id));
    const c = chunks[0]!;
    for (const [i, s] of c.spans.entries()) expect(c.text.slice(s.start, s.end)).toBe(els[i]!.text);
  });

  it('combines small sections across titles while under combineUnderChars and within maxChars', () => {
    const els = make([['title', 'A'], ['narrative_text', 'a.'], ['title', 'B'], ['narrative_text', 'b.'], ['title', 'C'], ['narrative_text', para(190, 'c')]]); // C's section does not fit beside A+B
    const chunks = chunkByTitle(els, { ...byTitle, combineUnderChars: 20 });
    expect(chunks.map((c) => c.elementIds.length)).toEqual([4, 2]);
    expect(chunks[0]!.text).toBe('A\n\na.\n\nB\n\nb.');
    // Without combining, each section is its own chunk.
    expect(chunkByTitle(els, byTitle)).toHaveLength(3);
  });

  it('keeps pages apart unless multipage, at page changes and page breaks', () => {
    const els = make([['title', 'T', 1], ['narrative_text', 'p1 text.', 1], ['narrative_text', 'p2 text.', 2], ['page_break', ''], ['narrative_text', 'after break.']]);
    const apart = chunkByTitle(els, { ...byTitle, combineUnderChars: 100, multipage: false });
    expect(apart.map((c) => c.text)).toEqual(['T\n\np1 text.', 'p2 text.', 'after break.']);
    expect(apart.map((c) => c.pages)).toEqual([[1], [2], []]);
    const together = chunkByTitle(els, { ...byTitle, combineUnderChars: 100, multipage: true });
    expect(together).toHaveLength(1);
    expect(together[0]!.pages).toEqual([1, 2]);
    expect(together[0]!.text).not.toContain('\n\n\n\n'); // the page break element adds no text
  });

  it('never merges a table with text, and splits a big table by rows repeating the header', () => {
    const rows = [['Name', 'Rank', 'Unit'], ...Array.from({ length: 30 }, (_, i) => [`Person ${i}`, `R${i}`, `Unit ${i}`])];
    const tableText = rows.map((r) => r.join(' | ')).join('\n');
    const els = make([['narrative_text', 'Before.'], ['table', 'Small | table'], ['table', tableText, undefined, { table: { rows } }], ['narrative_text', 'After.']]);
    const chunks = chunkByTitle(els, { ...byTitle, combineUnderChars: 200 });
    expect(chunks[0]!.text).toBe('Before.');
    expect(chunks[1]).toMatchObject({ kind: 'table', text: 'Small | table' });
    const pieces = chunks.filter((c) => c.elementIds[0] === els[2]!.id);
    expect(pieces.length).toBeGreaterThan(2);
    let next = 1;
    for (const p of pieces) {
      expect(p.kind).toBe('table');
      expect(p.text.length).toBeLessThanOrEqual(200);
      expect(p.text.split('\n')[0]).toBe('Name | Rank | Unit');
      const span = p.spans[0]!.rows!;
      expect(span.start).toBe(next);
      expect(p.text.split('\n').slice(1)).toEqual(rows.slice(span.start, span.end).map((r) => r.join(' | ')));
      next = span.end;
    }
    expect(next).toBe(rows.length);
    expect(chunks.at(-1)!.text).toBe('After.');
  });
});

describe('chunkBasic', () => {
  it('fills chunks with whole elements, ignoring titles, and no chunk passes maxChars', () => {
    const els = make(Array.from({ length: 10 }, (_, i): Item => [i % 3 === 0 ? 'title' : 'narrative_text', para(45, `e${i}`)]));
    const chunks = chunkBasic(els, { maxChars: 100, overlap: 0 });
    for (const c of chunks) expect(c.text.length).toBeLessThanOrEqual(100);
    expect(chunks.map((c) => c.elementIds.length)).toEqual([2, 2, 2, 2, 2]);
    expect(chunks.flatMap((c) => c.elementIds)).toEqual(els.map((e) => e.id));
  });

  it('honours the soft max (newAfterChars) and 0 = one element per chunk', () => {
    const els = make(Array.from({ length: 4 }, (_, i): Item => ['narrative_text', para(30, `e${i}`)]));
    expect(chunkBasic(els, { maxChars: 200, overlap: 0, newAfterChars: 50 }).map((c) => c.elementIds.length)).toEqual([2, 2]);
    expect(chunkBasic(els, { maxChars: 200, overlap: 0, newAfterChars: 0 })).toHaveLength(4);
  });

  it('splits an oversized element with overlap, recording the element ranges', () => {
    const long = Array.from({ length: 20 }, (_, i) => `Point ${i} is made here.`).join(' ');
    const [el] = make([['narrative_text', long]]);
    const chunks = chunkBasic([el!], { maxChars: 80, overlap: 10 });
    expect(chunks.length).toBeGreaterThan(5);
    for (const [i, c] of chunks.entries()) {
      expect(c.text.length).toBeLessThanOrEqual(80);
      const src = c.spans[0]!.source!;
      expect(c.text).toBe(long.slice(src.start, src.end));
      if (i > 0) expect(src.start).toBe(chunks[i - 1]!.spans[0]!.source!.end + 1 - 10);
    }
  });

  it('drops headers and footers unless kept, and rejects bad options naming the field', () => {
    const els = make([['header', 'SECRET'], ['narrative_text', 'Body.'], ['footer', 'Page 1']]);
    expect(chunkBasic(els, { maxChars: 100, overlap: 0 }).map((c) => c.text)).toEqual(['Body.']);
    expect(chunkBasic(els, { maxChars: 100, overlap: 0, keepHeaderFooter: true })[0]!.text).toBe('SECRET\n\nBody.\n\nPage 1');
    expect(() => chunkBasic(els, { maxChars: 10, overlap: 10 })).toThrow(AssayError);
    try {
      chunkBasic(els, { maxChars: 0, overlap: 0 });
    } catch (err) {
      expect((err as AssayError).where?.field).toBe('maxChars');
    }
  });
});

describe('chunk labels and ids', () => {
  const els = labelElements(make([['narrative_text', '(U) Open fact.'], ['narrative_text', '(S//NF) Closed fact.'], ['narrative_text', '(U) Another.']]));

  it('rolls a chunk mixing (U) and (S//NF) up to SECRET//NOFORN, never lower than an input', () => {
    const [chunk] = chunkBasic(els, { maxChars: 500, overlap: 0 });
    expect(chunk!.label).toBe('SECRET//NOFORN');
    for (const e of els) expect(dominates(chunk!.label, e.label)).toBe(true);
  });

  it('can split at label changes so each chunk carries one marking', () => {
    const chunks = chunkBasic(els, { maxChars: 500, overlap: 0, splitOnLabelChange: true });
    expect(chunks.map((c) => c.label)).toEqual(['UNCLASSIFIED', 'SECRET//NOFORN', 'UNCLASSIFIED']);
  });

  it('gives deterministic chunk ids and token counts', () => {
    const a = chunkBasic(els, { maxChars: 20, overlap: 0 });
    const b = chunkBasic(els, { maxChars: 20, overlap: 0 });
    expect(a.map((c) => c.id)).toEqual(b.map((c) => c.id));
    expect(new Set(a.map((c) => c.id)).size).toBe(a.length);
    expect(a.every((c) => /^[0-9a-f]{32}$/.test(c.id) && c.tokens > 0)).toBe(true);
  });
});
