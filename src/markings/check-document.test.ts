// Whole-document checks: banner against the roll-up of its portions, missing banner or CAB, page banners that differ.
import { describe, expect, it } from 'vitest';
import { checkDocument } from './check-document.js';

const CAB = 'Classified By: J. Smith, Director, Office of Examples\nDerived From: Multiple Sources\nDeclassify On: 20451231';
const doc = (banner: string, ...paras: string[]) => [banner, '', ...paras, '', CAB, banner].join('\n');
const codes = (r: { errors: Array<{ code: string }> }) => r.errors.map((e) => e.code);

describe('checkDocument', () => {
  it('a correctly marked document is valid', () => {
    const r = checkDocument(doc('SECRET//REL TO USA, GBR', '(S//REL) One.', '(C//REL TO USA, GBR, JPN) Two.', '(U) Three.'));
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ valid: true, banner: 'SECRET//REL TO USA, GBR', rollup: 'SECRET//REL TO USA, GBR', normalised: 'SECRET//REL TO USA, GBR' });
    expect(r.markings).toHaveLength(5);
    expect(r.cabs).toMatchObject([{ line: 7, valid: true }]);
  });

  it('a banner below its portions is E_ROLLUP_UNDER (possible spillage), with the corrected banner', () => {
    const r = checkDocument(doc('SECRET//NOFORN', '(TS//SI//NF) One.', '(S//NF) Two.'));
    expect(codes(r)).toEqual(['E_ROLLUP_UNDER']);
    expect(r.errors[0]).toMatchObject({ line: 1, column: 1, marking: 'SECRET//NOFORN' });
    expect(r.normalised).toBe('TOP SECRET//SI//NOFORN');
    expect(codes(checkDocument(doc('SECRET//REL TO USA, GBR', '(S//NF) One.')))).toEqual(['E_ROLLUP_UNDER']);
  });

  it('a banner above its portions is a warning; an equal one written differently too', () => {
    const over = checkDocument(doc('TOP SECRET//NOFORN', '(S//NF) One.'));
    expect(over.valid).toBe(true);
    expect(over.warnings.map((w) => w.code)).toEqual(['E_ROLLUP_OVER']);
    const differs = checkDocument(doc('SECRET//NOFORN', '(//DEU S//NF) One.'));
    expect(differs.warnings.map((w) => w.code)).toEqual(['W_ROLLUP_DIFFERS']);
  });

  it('reports each marking error at its place in the document', () => {
    const r = checkDocument(doc('SECRET//NOFORN', 'Intro.', '(S/NF) One.'));
    expect(r.errors).toEqual([expect.objectContaining({ code: 'E_SEP', line: 4, column: 3, marking: '(S/NF)' })]);
  });

  it('missing banner, missing CAB, unmarked text, differing page banners', () => {
    expect(codes(checkDocument(`(S//NF) One.\n${CAB}`))).toEqual(['E_BANNER_MISSING']);
    expect(codes(checkDocument('SECRET\n(S) One.\nSECRET'))).toEqual(['E_CAB_MISSING']);
    expect(codes(checkDocument('UNCLASSIFIED\n(U) One.'))).toEqual([]);
    expect(codes(checkDocument('CUI\n(CUI) One.'))).toEqual([]);
    expect(codes(checkDocument('Just prose.'))).toEqual(['E_UNMARKED']);
    const pages = checkDocument(`SECRET\n(S) One.\nSECRET\nTOP SECRET\n(TS) Two.\nTOP SECRET\n${CAB}`);
    expect(pages.warnings.map((w) => w.code)).toEqual(['W_BANNER_MISMATCH']);
    expect(pages.banner).toBe('TOP SECRET');
  });
});
