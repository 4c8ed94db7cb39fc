// OCR noise: each repair is made, reported with its code and offset, and downgraded to a warning in lenient mode.
import { describe, expect, it } from 'vitest';
import { parseMarking } from './parse-marking.js';

const NOISY: Array<[string, string, string[]]> = [
  ['( U )', '(U)', ['E_SEP_SPACE']],
  ['T O P S E C R E T', 'TOP SECRET', ['E_OCR']],
  ['S E CRET//REL TO USA, FVEY', 'SECRET//REL TO USA, FVEY', ['E_OCR']],
  ['T0P SECRET//N0FORN', 'TOP SECRET//NOFORN', ['E_OCR']],
  ['SECRET//REL TO USA, N0R', 'SECRET//REL TO USA, NOR', ['E_OCR']],
  ['TOP SECRET//S1//NOFORN', 'TOP SECRET//SI//NOFORN', ['E_OCR']],
  ['(C/REL TO USA, FVEY)', '(C//REL TO USA, FVEY)', ['E_SEP']],
  ['SECRET NOFORN', 'SECRET//NOFORN', ['E_SEP']],
  ['(S NF)', '(S//NF)', ['E_SEP']],
  ['SECRET//SI/TK/NOFORN', 'SECRET//SI/TK//NOFORN', ['E_SEP']],
  ['SECRET//NOFORN/NODIS', 'SECRET//NOFORN//NODIS', ['E_SEP']],
  ['secret//noforn', 'SECRET//NOFORN', ['E_CASE']],
  ['SECRET//\nNOFORN', 'SECRET//NOFORN', ['E_OCR', 'E_SEP_SPACE']],
  ['SECRET//REL TO USA GBR', 'SECRET//REL TO USA, GBR', ['E_REL_SEP']],
  ['SECRET//REL TO  USA, GBR', 'SECRET//REL TO USA, GBR', ['E_OCR']],
  ['TOP SECRET//SI\u2013G ABCD', 'TOP SECRET//SI-G ABCD', ['E_OCR']],
  ['SECRET\\\\NOFORN', 'SECRET//NOFORN', ['E_SEP']],
  ['(S//NF', '(S//NF)', ['E_PAREN']],
  ['//DEU SECRET', '//DEU SECRET', []],
  ['// DEU SECRET', '//DEU SECRET', ['E_SEP_SPACE']],
  ['//SECRET//NOFORN', 'SECRET//NOFORN', ['E_SEP']],
];

describe('OCR noise', () => {
  it.each(NOISY)('%j → %s', (text, normalised, codes) => {
    const r = parseMarking(text);
    expect(r.normalised).toBe(normalised);
    expect([...new Set(r.errors.map((e) => e.code))].sort()).toEqual([...codes].sort());
    expect(r.corrections.map((c) => c.code).sort()).toEqual(expect.arrayContaining(codes));
  });

  it('records each correction with what it changed and where', () => {
    expect(parseMarking('T0P SECRET//NOFORN').corrections).toEqual([{ code: 'E_OCR', from: 'T0P SECRET', to: 'TOP SECRET', position: 0 }]);
    expect(parseMarking('(C/REL TO USA, FVEY)').corrections).toEqual([{ code: 'E_SEP', from: '/', to: '//', position: 2 }]);
    expect(parseMarking('SECRET // NOFORN').corrections).toEqual([{ code: 'E_SEP_SPACE', from: ' // ', to: '//', position: 6 }]);
  });

  it('lenient mode keeps the marking valid and reports repairs as warnings', () => {
    const r = parseMarking('S E CRET // n0forn', { lenient: true });
    expect(r.valid).toBe(true);
    expect(r.normalised).toBe('SECRET//NOFORN');
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['E_CASE', 'E_OCR', 'E_OCR', 'E_SEP_SPACE']);
    expect(parseMarking('SECRET//NOFORN//SI', { lenient: true }).valid).toBe(false);
  });
});
