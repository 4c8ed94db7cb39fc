import { describe, expect, it } from 'vitest';
import { isMarkingLine } from './is-marking-line.js';
import { removeBoilerplate } from './remove-boilerplate.js';

const page = (n: number, body: string) =>
  ['SECRET//NOFORN', 'ACME Corporation — Quarterly Report', body, `(S//NF) Paragraph ${n} detail.`, `Page ${n} of 4`, 'SECRET//NOFORN'].join('\n');

describe('removeBoilerplate', () => {
  it('removes repeated headers and page numbers but keeps banners repeated on every page', () => {
    const bodies = ['Alpha section text.', 'Bravo section text.', 'Charlie section text.', 'Delta section text.'];
    const pages = [1, 2, 3, 4].map((n) => page(n, bodies[n - 1]!));
    const { pages: out, removed } = removeBoilerplate(pages);
    expect(out[0]).toBe('SECRET//NOFORN\nAlpha section text.\n(S//NF) Paragraph 1 detail.\nSECRET//NOFORN');
    for (const p of out) {
      expect(p.startsWith('SECRET//NOFORN')).toBe(true);
      expect(p.endsWith('SECRET//NOFORN')).toBe(true);
      expect(p).toContain('(S//NF)');
    }
    expect(removed.filter((r) => r.reason === 'repeated').map((r) => r.text)).toEqual(Array(4).fill('ACME Corporation — Quarterly Report'));
    expect(removed.filter((r) => r.reason === 'page-number')).toHaveLength(4);
    expect(removed.some((r) => isMarkingLine(r.text))).toBe(false);
  });

  it('keeps other marking spellings that repeat: CUI, UNCLASSIFIED//FOUO, a CLASSIFICATION: prefix, a lone portion line', () => {
    const markings = ['CUI', 'UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'Classification: SECRET//REL TO USA, FVEY', '(U)'];
    const bodies = ['Alpha words here.', 'Bravo words here.', 'Charlie words here.'];
    const pages = [1, 2, 3].map((n) => [...markings, bodies[n - 1]!, `- ${n} -`].join('\n'));
    const { pages: out, removed } = removeBoilerplate(pages, { edgeLines: 5 });
    for (const p of out) for (const m of markings) expect(p).toContain(m);
    expect(removed.map((r) => r.reason)).toEqual(['page-number', 'page-number', 'page-number']);
  });

  it('does not judge repetition on fewer than minPages pages, and keeps body lines that repeat mid-page', () => {
    const two = removeBoilerplate(['Header\nbody a', 'Header\nbody b']);
    expect(two.pages).toEqual(['Header\nbody a', 'Header\nbody b']);
    const mid = ['h1', 'h2', 'h3', 'Same sentence.', 'f1', 'f2', 'f3'].join('\n');
    const res = removeBoilerplate([mid.replace('h1', 'x'), mid.replace('h1', 'y'), mid.replace('h1', 'z')], { minPageFraction: 1 });
    expect(res.pages.every((p) => p.includes('Same sentence.'))).toBe(true);
  });

  it('recognises page-number forms and not ordinary words', () => {
    const pages = ['3', '- 4 -', 'Page 5', 'page 6 of 9', '7 / 9', 'iv', '[12]', 'mild', 'Did', 'Chapter 2'].map((l) => `${l}\nbody`);
    const { removed } = removeBoilerplate(pages, { minPages: 99 });
    expect(removed.map((r) => r.text)).toEqual(['3', '- 4 -', 'Page 5', 'page 6 of 9', '7 / 9', 'iv', '[12]']);
  });
});
