// Clearance dominance: level, compartments, handling caveats, CUI and releasability, with the cases governance relies on.
import { describe, expect, it } from 'vitest';
import { dominates } from './dominates.js';
import { parseMarking } from './parse-marking.js';

const CASES: Array<[string, string, boolean]> = [
  ['TOP SECRET//SI/TK//NOFORN', '(S//SI//NF)', true],
  ['SECRET//NOFORN', 'TOP SECRET', false],
  ['TOP SECRET', '(U)', true],
  ['TOP SECRET', 'SECRET//REL TO USA, GBR', true],
  ['TOP SECRET', '(TS//SI)', false],
  ['TOP SECRET//SI-G ABCD', '(TS//SI)', true],
  ['TOP SECRET//SI-G ABCD', '(TS//SI-G)', true],
  ['TOP SECRET//SI', '(TS//SI-G ABCD)', false],
  ['TOP SECRET//SI-G ABCD', '(TS//SI-G EFGH)', false],
  ['SECRET//SAR-ABC', '(S//SAR-ABC-DEF 123)', false],
  ['SECRET//SAR-ABC-DEF 123', '(S//SAR-ABC)', true],
  ['SECRET//RD-CNWDI', '(S//RD)', true],
  ['SECRET//RD', '(S//RD-CNWDI)', false],
  ['SECRET', '(S//OC)', false],
  ['SECRET//ORCON', '(S//OC)', true],
  ['SECRET', '(U//FOUO)', true],
  ['UNCLASSIFIED', '(U//FOUO)', false],
  ['CUI', '(U//FOUO)', true],
  ['SECRET', '(CUI//SP-PRVCY)', true],
  ['CUI', '(CUI//SP-PRVCY)', false],
  ['CUI//SP-PRVCY', '(CUI//SP-PRVCY)', true],
  ['SECRET//REL TO USA, GBR', 'SECRET//NOFORN', false],
  ['SECRET//REL TO USA, GBR', 'SECRET//REL TO USA, FVEY', true],
  ['SECRET//REL TO USA, GBR', 'SECRET//REL TO USA, GBR, JPN', true],
  ['SECRET//REL TO USA, GBR', 'SECRET//REL TO USA, JPN', false],
  ['SECRET//REL TO USA, GBR', 'SECRET', false],
  ['SECRET//REL TO USA, GBR', '(U)', true],
  ['UNCLASSIFIED', 'UNCLASSIFIED//REL TO USA, GBR', false],
  ['UNCLASSIFIED//NOFORN', 'UNCLASSIFIED//REL TO USA, GBR', true],
  ['SECRET//NOFORN', '(//DEU S//REL TO USA, DEU)', true],
  ['SECRET//NOFORN', '(//NS)', true],
  ['SECRET//NOFORN', '(//NS//ATOMAL)', false],
  ['SECRET//NOFORN', 'SECRET//ZZQ', false],
  ['SECRET//NOFORN', 'not a marking', false],
  ['not a marking', '(U)', false],
];

describe('dominates', () => {
  it.each(CASES)('%s ≥ %s is %s', (a, b, expected) => {
    expect(dominates(a, b)).toBe(expected);
  });

  it('takes structured markings as well as text', () => {
    const a = parseMarking('TOP SECRET//SI//NOFORN').marking!;
    const b = parseMarking('(S//SI//NF)').marking!;
    expect(dominates(a, b)).toBe(true);
    expect(dominates(b, a)).toBe(false);
  });
});
