// The cleaning step of ingest: running headers and page numbers of paged documents go, markings and body stay;
// text is normalised and de-hyphenated; tables keep their cells as they are.
import { describe, expect, it } from 'vitest';
import { createElement, labelElements, type Element } from '../../src/data/elements/index.js';
import { cleanElements } from '../../src/data/ingest/clean-elements.js';

const source = { path: 'r.pdf', sha256: 'a'.repeat(64) };

function paged(): Element[] {
  const els: Element[] = [];
  let index = 0;
  const push = (type: Element['type'], text: string, page: number) => els.push(createElement({ type, text, index: index++, page, source }));
  for (let page = 1; page <= 4; page++) {
    push('narrative_text', 'SECRET//NOFORN', page);
    push('narrative_text', 'ACME Logistics Quarterly', page);
    push('narrative_text', `(S//NF) Body of page ${page} about the infor-\nmation  flow.`, page);
    push('narrative_text', String(page), page);
    push('narrative_text', 'SECRET//NOFORN', page);
  }
  push('table', 'a\tb\n1\t2', 4);
  return labelElements(els);
}

describe('cleanElements', () => {
  it('drops running headers and page numbers, keeps every marking line and the body', () => {
    const { elements, boilerplate, transformations } = cleanElements(paged());
    const texts = elements.map((e) => e.text);
    expect(texts.filter((t) => t === 'SECRET//NOFORN')).toHaveLength(8);
    expect(texts).not.toContain('ACME Logistics Quarterly');
    expect(texts.some((t) => /^\d+$/.test(t))).toBe(false);
    expect(boilerplate).toBe(8);
    expect(transformations).toContain('clean:boilerplate');
    expect(texts).toContain('(S//NF) Body of page 2 about the information flow.');
    expect(texts).toContain('a\tb\n1\t2');
  });

  it('leaves short documents alone apart from normalising', () => {
    const els = labelElements([createElement({ type: 'narrative_text', text: 'Cafe\u0301  ok', index: 0, source }), createElement({ type: 'narrative_text', text: '   ', index: 1, source })]);
    const { elements, boilerplate } = cleanElements(els);
    expect(elements.map((e) => e.text)).toEqual(['Café ok']);
    expect(boilerplate).toBe(0);
  });
});
