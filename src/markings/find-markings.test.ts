// Finding markings in running text: banners as whole lines, portions at paragraph starts and after titles, no prose.
import { describe, expect, it } from 'vitest';
import { findMarkings, lineLocator } from './find-markings.js';

// Notional training text.
const DOC = [
  'SECRET//NOFORN',
  '',
  'Exercise Report (U)',
  '',
  '(S//NF) The notional exercise began on time.',
  '1. (U) Weather was fair.',
  '(C//REL TO USA, FVEY) Allied units joined.',
  'Secret plans are discussed in item(s) 3 (C) 2024 Example Corp, and (S is a set).',
  'SECRET PLANS',
  'CLASSIFICATION: SECRET//NOFORN',
].join('\n');

describe('findMarkings', () => {
  const found = findMarkings(DOC);

  it('finds banners and portions, in document order, with offsets, lines and columns', () => {
    expect(found.map((f) => [f.kind, f.text])).toEqual([
      ['banner', 'SECRET//NOFORN'],
      ['portion', '(U)'],
      ['portion', '(S//NF)'],
      ['portion', '(U)'],
      ['portion', '(C//REL TO USA, FVEY)'],
      ['banner', 'SECRET//NOFORN'],
    ]);
    for (const f of found) expect(DOC.slice(f.start, f.end)).toBe(f.text);
    expect(found[2]).toMatchObject({ line: 5, column: 1 });
    expect(found[3]).toMatchObject({ line: 6, column: 4 });
    expect(found.every((f) => f.result.valid)).toBe(true);
  });

  it('finds noisy markings and reports them', () => {
    const noisy = findMarkings('S E CRET//REL TO USA, FVEY\n\n(C/REL TO USA, FVEY) Text.\nTOP SECRET//\nSI//NOFORN\n');
    expect(noisy.map((f) => [f.kind, f.result.normalised, f.result.valid])).toEqual([
      ['banner', 'SECRET//REL TO USA, FVEY', false],
      ['portion', '(C//REL TO USA, FVEY)', false],
      ['banner', 'TOP SECRET//SI//NOFORN', false],
    ]);
  });

  it('locates offsets', () => {
    const at = lineLocator('ab\ncd\n\nef');
    expect([at(0), at(4), at(7)]).toEqual([{ line: 1, column: 1 }, { line: 2, column: 2 }, { line: 4, column: 1 }]);
  });
});
