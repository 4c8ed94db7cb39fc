// Roll-up cases of §5.4 in the data-engine reference, table-driven, plus the scheme and mixing rules.
import { describe, expect, it } from 'vitest';
import { parseMarking } from './parse-marking.js';
import { rollup } from './rollup.js';

const CASES: Array<[string[], string]> = [
  [['(U)', '(S//NF)', '(C//REL TO USA, FVEY)'], 'SECRET//NOFORN'],
  [['(S//REL TO USA, AUS, CAN, GBR)', '(C//REL TO USA, CAN, GBR, NZL)'], 'SECRET//REL TO USA, CAN, GBR'],
  [['(S//REL TO USA, FVEY)', '(S//REL TO USA, GBR, JPN)'], 'SECRET//REL TO USA, GBR'],
  [['(S//REL TO USA, JPN)', '(S//REL TO USA, GBR)'], 'SECRET//NOFORN'],
  [['(U)', '(S//REL TO USA, FVEY)'], 'SECRET//REL TO USA, FVEY'],
  [['(S//REL TO USA, FVEY)', '(C)'], 'SECRET//NOFORN'],
  [['(U//FOUO/REL TO USA, JPN)', '(S//REL TO USA, JPN)'], 'SECRET//REL TO USA, JPN'],
  [['(U//FOUO)', '(U)'], 'UNCLASSIFIED//FOUO'],
  [['(U//FOUO)', '(C)'], 'CONFIDENTIAL'],
  [['(TS//SI//NF)', '(S//TK//NF)', '(U)'], 'TOP SECRET//SI/TK//NOFORN'],
  [['(S//RELIDO)', '(S//RELIDO)'], 'SECRET//RELIDO'],
  [['(S//REL TO USA, GBR)', '(S//RELIDO)'], 'SECRET//NOFORN'],
  [['(U//SBU-NF)', '(U//REL TO USA, FVEY)'], 'UNCLASSIFIED//NOFORN//SBU'],
  [['(//DEU S//NF)', '(S//NF)'], 'SECRET//FGI DEU//NOFORN'],
  [['(//FGI S//NF)', '(//GBR C//NF)'], 'SECRET//FGI//NOFORN'],
];

describe('rollup: §5.4 cases', () => {
  it.each(CASES)('%j → %s', (portions, banner) => {
    const r = rollup(portions);
    expect(r.banner).toBe(banner);
    expect(r.errors).toEqual([]);
  });
});

describe('rollup: more rules', () => {
  it('unions SCI, SAP and AEA and merges compartments', () => {
    expect(rollup(['(TS//SI-G ABCD//NF)', '(S//SI-G EFGH/TK//NF)', '(S//SAR-XYZ//RD-SG 14//NF)', '(S//RD-CNWDI//NF)']).banner).toBe(
      'TOP SECRET//SI-G ABCD EFGH/TK//SAR-XYZ//RD-CNWDI-SIGMA 14//NOFORN',
    );
  });

  it('keeps handling controls, drops FOUO when classified, and intersects DISPLAY ONLY', () => {
    expect(rollup(['(S//OC/REL TO USA, GBR)', '(C//IMC/REL TO USA, GBR)']).banner).toBe('SECRET//ORCON/IMCON/REL TO USA, GBR');
    expect(rollup(['(S//DISPLAY ONLY AFG, IRQ)', '(S//DISPLAY ONLY IRQ)']).banner).toBe('SECRET//DISPLAY ONLY IRQ');
    expect(rollup(['(S//REL TO USA, GBR/DISPLAY ONLY IRQ)', '(S//REL TO USA, GBR, IRQ)']).banner).toBe('SECRET//REL TO USA, GBR/DISPLAY ONLY IRQ');
    expect(rollup(['(S//REL TO USA, AUS/RELIDO)', '(S//REL TO USA, AUS/RELIDO)']).banner).toBe('SECRET//REL TO USA, AUS/RELIDO');
  });

  it('resolves REL portions with the banner list, and without one uses the other portions', () => {
    const banner = parseMarking('SECRET//REL TO USA, GBR').marking!;
    expect(rollup(['(S//REL)', '(C//REL)'], { banner }).banner).toBe('SECRET//REL TO USA, GBR');
    expect(rollup(['(S//REL)', '(C//REL TO USA, GBR)']).banner).toBe('SECRET//REL TO USA, GBR');
    const alone = rollup(['(S//REL)']);
    expect(alone.banner).toBe('SECRET//NOFORN');
    expect(alone.errors.map((e) => e.code)).toEqual(['E_REL_SHORT']);
  });

  it('keeps NATO and JOINT schemes when every input shares them', () => {
    expect(rollup(['(//NS//ATOMAL//OC)', '(//NC)']).banner).toBe('//NATO SECRET//ATOMAL//ORCON');
    expect(rollup(['(//JOINT S AUS USA//REL)', '(//JOINT C AUS USA)'], { banner: parseMarking('//JOINT SECRET AUS USA//REL TO USA, AUS').marking! }).banner).toBe(
      '//JOINT SECRET AUS USA//NOFORN',
    );
    expect(rollup(['(//NS)', '(S//NF)']).banner).toBe('SECRET//FGI NATO//NOFORN');
    const mix = rollup(['(//NS//ATOMAL)', '(S)']);
    expect(mix.banner).toBe('SECRET//FGI NATO');
    expect(mix.errors.map((e) => e.code)).toEqual(['E_ROLLUP_MIX']);
  });

  it('CUI: a CUI banner when nothing is classified; CUI stays out of classified banners', () => {
    expect(rollup(['(CUI//SP-PRVCY)', '(U)', '(CUI//SP-CTI//NF)']).banner).toBe('CUI//SP-CTI/SP-PRVCY//NOFORN');
    expect(rollup(['(CUI//FEDCON)', '(CUI//REL TO USA, GBR)', '(CUI//REL TO USA, GBR, CAN)']).banner).toBe('CUI//FEDCON/REL TO USA, GBR');
    expect(rollup(['(CUI//SP-PRVCY)', '(S//NF)']).banner).toBe('SECRET//NOFORN');
    expect(rollup(['(CUI)', '(U//FOUO)']).banner).toBe('CUI');
    expect(rollup(['(CUI)', '(U//ORCON)']).errors.map((e) => e.code)).toContain('E_ROLLUP_MIX');
  });

  it('rolls banners too (a dataset label from its documents), and reports unreadable inputs', () => {
    expect(rollup(['SECRET//REL TO USA, FVEY', 'TOP SECRET//SI//REL TO USA, GBR']).banner).toBe('TOP SECRET//SI//REL TO USA, GBR');
    const r = rollup(['(S//NF)', 'nonsense']);
    expect(r.banner).toBe('SECRET//NOFORN');
    expect(r.errors[0]).toMatchObject({ code: 'E_LEVEL' });
    expect(r.errors[0]!.message).toContain('"nonsense"');
    expect(rollup([]).errors.map((e) => e.code)).toEqual(['E_EMPTY']);
  });
});
