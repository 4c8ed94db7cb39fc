// Every parser test vector of §5.4 in the data-engine reference (notional markings from training material), table-driven.
import { describe, expect, it } from 'vitest';
import { parseMarking } from './parse-marking.js';
import { controlTitle } from './vocabulary.js';

const VALID_BANNERS = [
  'UNCLASSIFIED',
  'CONFIDENTIAL',
  'SECRET',
  'TOP SECRET',
  'SECRET//NOFORN',
  'TOP SECRET//SI//NOFORN',
  'TOP SECRET//SI/TK//NOFORN',
  'TOP SECRET//SI-G ABCD//ORCON/NOFORN',
  'TOP SECRET//HCS-P JJJ//ORCON/NOFORN',
  'SECRET//REL TO USA, FVEY',
  'TOP SECRET//REL TO USA, EGY, ISR',
  'SECRET//REL TO USA, GBR, JPN, ISAF, NATO',
  'SECRET//RD-CNWDI//REL TO USA, GBR',
  'SECRET//RD-SIGMA 20',
  'SECRET//FGI GBR JPN NATO//REL TO USA, GBR, JPN, NATO',
  'SECRET//SAR-ABC-DEF 123/SDA-121//NOFORN',
  'SECRET//NOFORN//NODIS',
  'SECRET//REL TO USA, FVEY//LES',
  'UNCLASSIFIED//FOUO',
  'UNCLASSIFIED//NOFORN//SBU',
  'UNCLASSIFIED//REL TO USA, FVEY',
  'TOP SECRET//TK//RELIDO',
  'SECRET//DISPLAY ONLY IRQ',
  'SECRET//NOFORN/DEA SENSITIVE',
  '//JOINT TOP SECRET CAN ISR USA//REL TO USA, CAN, ISR',
  '//DEU SECRET//REL TO USA, DEU',
  '//NATO SECRET//ATOMAL//ORCON',
  '//COSMIC TOP SECRET//BOHEMIA',
  'CUI',
  'CUI//SP-PRVCY',
  'CUI//SP-CTI//NOFORN',
  'CUI//SP-EXPT/SP-PRVCY//FEDCON',
];

/** Full titles are legal in banners and normalise to the abbreviation. */
const VALID_FULL_TITLES: Array<[string, string]> = [
  ['SECRET//NOFORN//NO DISTRIBUTION', 'SECRET//NOFORN//NODIS'],
  ['UNCLASSIFIED//FOR OFFICIAL USE ONLY', 'UNCLASSIFIED//FOUO'],
  ['SECRET//CONTROLLED IMAGERY', 'SECRET//IMCON'],
  ['UNCLASSIFIED//SENSITIVE BUT UNCLASSIFIED', 'UNCLASSIFIED//SBU'],
  ['CUI//PRVCY/PROPIN//REL TO USA, GBR', 'CUI//PROPIN/PRVCY//REL TO USA, GBR'],
];

const VALID_PORTIONS = [
  '(U)',
  '(C)',
  '(S)',
  '(TS)',
  '(TS//SI)',
  '(TS//SI-G//OC)',
  '(U//FOUO)',
  '(S//NF)',
  '(S//REL)',
  '(S//REL TO USA, TEYE)',
  '(C//DISPLAY ONLY AFG, IRQ)',
  '(S//REL TO USA, AUS/RELIDO)',
  '(U//FOUO/REL TO USA, JPN)',
  '(U//SBU-NF)',
  '(U//LES-NF)',
  '(S//NF//XD)',
  '(S//RD-SG 20)',
  '(//DEU S//NF)',
  '(//CAN GBR S)',
  '(//FGI TS)',
  '(S//FGI AUS GBR)',
  '(//JOINT S AUS USA//REL)',
  '(CUI)',
  '(CUI//SP-PRVCY)',
];

/** Invalid inputs and the code(s) each must raise; `null` where the reference names the problem but no code. */
const INVALID: Array<[string, string[]]> = [
  ['S//NF', ['E_BANNER_ABBREV']],
  ['Secret//Noforn', ['E_CASE']],
  ['SECRET // NOFORN', ['E_SEP_SPACE']],
  ['SECRET/NOFORN', ['E_SEP']],
  ['SECRET////NOFORN', ['E_SEP']],
  ['SECRET//NOFORN//SI', ['E_CAT_ORDER']],
  ['SECRET//REL TO GBR, USA', ['E_REL_USA_FIRST']],
  ['SECRET//REL TO USA,GBR', ['E_REL_SEP']],
  ['SECRET//REL TO USA, NZL, AUS', ['E_CC_ORDER']],
  ['SECRET//REL TO USA, FVEY, GBR', ['E_CC_ORDER']],
  ['SECRET//REL TO USA', ['E_REL_EMPTY']],
  ['SECRET//NOFORN/REL TO USA, GBR', ['E_NF_CONFLICT']],
  ['SECRET//REL TO USA, GBR/NOFORN', ['E_DISSEM_ORDER', 'E_NF_CONFLICT']],
  ['SECRET//FOUO', ['E_FOUO_CLASSIFIED']],
  ['UNCLASSIFIED//SI', ['E_SCI_UNCLASS']],
  ['TOP SECRET//TK/SI', ['E_SCI_ORDER']],
  ['TOP SECRET//SCI', ['E_SCI_GENERIC']],
  ['TOP SECRET//NOFORN/ORCON', ['E_DISSEM_ORDER']],
  ['(SECRET)', ['E_PORTION_SPELLED']],
  ['(S/NF)', ['E_SEP']],
  ['(C/REL TO USA, FVEY)', ['E_SEP']],
  ['SECRET//REL', ['E_REL_SHORT']],
  ['(S//NF/NF)', ['E_DUP']],
  ['//JOINT SECRET GBR AUS//REL TO USA, AUS, GBR', ['E_JOINT_USA', 'E_CC_ORDER']],
  ['SECRET//FGI NATO GBR', ['E_CC_ORDER']],
  ['CUI//NOFORN//SP-PRVCY', ['E_CUI_ORDER']],
  ['(S//CUI)', ['E_CUI_MIX']],
  ['UNCLASSIFIED//CUI', ['E_CUI_MIX']],
];

describe('parseMarking: valid banners (§5.4)', () => {
  it.each(VALID_BANNERS)('%s', (text) => {
    const r = parseMarking(text);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
    expect(r.form).toBe('banner');
    expect(r.normalised).toBe(text);
  });

  it.each(VALID_FULL_TITLES)('%s normalises to %s', (text, normalised) => {
    const r = parseMarking(text);
    expect(r.errors).toEqual([]);
    expect(r.normalised).toBe(normalised);
  });

  it('SECRET//RD-SIGMA 20 writes its portion as RD-SG 20', () => {
    const m = parseMarking('SECRET//RD-SIGMA 20').marking!;
    expect(m.aea).toEqual(['RD-SIGMA 20']);
    expect(parseMarking('(S//RD-SG 20)').marking!.aea).toEqual(['RD-SIGMA 20']);
  });
});

describe('parseMarking: valid portions (§5.4)', () => {
  it.each(VALID_PORTIONS)('%s', (text) => {
    const r = parseMarking(text);
    expect(r.errors).toEqual([]);
    expect(r.form).toBe('portion');
    expect(r.normalised).toBe(text);
  });
});

describe('parseMarking: invalid markings (§5.4)', () => {
  it.each(INVALID)('%s → %j', (text, codes) => {
    const r = parseMarking(text);
    expect(r.valid).toBe(false);
    for (const code of codes) expect(r.errors.map((e) => e.code)).toContain(code);
  });
});

describe('parseMarking: structure', () => {
  it('reads every category of a banner into the structure', () => {
    const m = parseMarking('TOP SECRET//HCS-P JJJ/SI-G ABCD/TK//SAR-ABC-DEF 123//RD-CNWDI//FGI GBR//ORCON/REL TO USA, GBR//LES').marking!;
    expect(m).toMatchObject({
      scheme: 'us',
      level: 'TS',
      sci: ['HCS-P JJJ', 'SI-G ABCD', 'TK'],
      sap: ['ABC-DEF 123'],
      aea: ['RD-CNWDI'],
      fgi: ['GBR'],
      dissem: ['ORCON', 'REL TO'],
      relTo: ['USA', 'GBR'],
      nonIc: ['LES'],
    });
  });

  it('reads foreign, JOINT, NATO and CUI classifications', () => {
    expect(parseMarking('//DEU SECRET//REL TO USA, DEU').marking).toMatchObject({ scheme: 'foreign', owners: ['DEU'], level: 'S' });
    expect(parseMarking('(//FGI TS)').marking).toMatchObject({ scheme: 'foreign', owners: [], level: 'TS' });
    expect(parseMarking('//JOINT TOP SECRET CAN ISR USA').marking).toMatchObject({ scheme: 'joint', owners: ['CAN', 'ISR', 'USA'] });
    expect(parseMarking('//NATO SECRET//ATOMAL//ORCON').marking).toMatchObject({ scheme: 'nato', level: 'S', natoSpecial: ['ATOMAL'], dissem: ['ORCON'] });
    expect(parseMarking('(//NS//ATOMAL//OC)').normalised).toBe('(//NS//ATOMAL//OC)');
    expect(parseMarking('CUI//SP-CTI//NOFORN').marking).toMatchObject({ scheme: 'cui', level: 'U', cui: { categories: ['SP-CTI'], ldc: ['NOFORN'] } });
  });

  it('renders a portion as a banner and back', () => {
    const m = parseMarking('(TS//SI-G ABCD/TK//RD-SG 14//OC/NF//XD)').marking!;
    const banner = parseMarking('TOP SECRET//SI-G ABCD/TK//RD-SIGMA 14//ORCON/NOFORN//EXDIS').marking!;
    expect({ ...m, form: 'banner' }).toEqual(banner);
  });

  it('normalises conflicts to the more restrictive reading', () => {
    expect(parseMarking('SECRET//NOFORN/REL TO USA, GBR').normalised).toBe('SECRET//NOFORN');
    expect(parseMarking('SECRET//REL TO USA').normalised).toBe('SECRET//NOFORN');
    expect(parseMarking('SECRET//FOUO').normalised).toBe('SECRET');
    expect(parseMarking('SECRET//REL TO GBR, USA').normalised).toBe('SECRET//REL TO USA, GBR');
    expect(parseMarking('SECRET//REL TO USA, FVEY, GBR').normalised).toBe('SECRET//REL TO USA, GBR, FVEY');
    expect(parseMarking('UNCLASSIFIED//CUI').normalised).toBe('CUI');
    expect(parseMarking('(S//CUI)').normalised).toBe('(S)');
  });

  it('gives each error the offset of what it is about', () => {
    expect(parseMarking('SECRET//NOFORN//SI').errors[0]).toMatchObject({ code: 'E_CAT_ORDER', position: 16 });
    expect(parseMarking('SECRET // NOFORN').errors[0]).toMatchObject({ code: 'E_SEP_SPACE', position: 6 });
    expect(parseMarking('SECRET//REL TO USA,GBR').errors[0]).toMatchObject({ code: 'E_REL_SEP', position: 18 });
  });

  it('warns on unpublished SCI, unknown countries, legacy FOUO and CUI category order; errors on unknown controls', () => {
    const sci = parseMarking('TOP SECRET//ZZQ//NOFORN');
    expect(sci.valid).toBe(true);
    expect(sci.warnings.map((w) => w.code)).toEqual(['W_SCI_UNKNOWN']);
    expect(parseMarking('SECRET//REL TO USA, XYZ').warnings.map((w) => w.code)).toEqual(['W_CC_UNKNOWN']);
    expect(parseMarking('(U//FOUO)').warnings.map((w) => w.code)).toEqual(['W_LEGACY_FOUO']);
    expect(parseMarking('CUI//PRVCY/SP-CTI').warnings.map((w) => w.code)).toEqual(['W_CUI_SP_FIRST']);
    const typo = parseMarking('SECRET//NOFRON');
    expect(typo.errors[0]).toMatchObject({ code: 'E_UNKNOWN' });
    expect(typo.errors[0]!.message).toContain('did you mean NOFORN');
    expect(parseMarking('SECRET//NOFORN//ZZQ').errors.map((e) => e.code)).toEqual(['E_UNKNOWN']);
    expect(parseMarking('TOP SECRET//KDK').errors.map((e) => e.code)).toEqual(['E_SCI_CLOSED']);
  });

  it('checks control forms: banners spell out, portions abbreviate', () => {
    expect(parseMarking('SECRET//NF').errors.map((e) => e.code)).toEqual(['E_CONTROL_FORM']);
    expect(parseMarking('(S//NOFORN)').errors.map((e) => e.code)).toEqual(['E_CONTROL_FORM']);
    expect(parseMarking('(S//NOFORN)').normalised).toBe('(S//NF)');
    expect(parseMarking('S//NF', { form: 'any' }).valid).toBe(true);
  });

  it('resolves a portion REL against the banner, and flags it when the banner has no list', () => {
    const banner = parseMarking('SECRET//REL TO USA, GBR').marking!;
    expect(parseMarking('(S//REL)', { banner }).marking!.relTo).toEqual(['USA', 'GBR']);
    const nf = parseMarking('SECRET//NOFORN').marking!;
    expect(parseMarking('(S//REL)', { banner: nf }).errors.map((e) => e.code)).toEqual(['E_REL_SHORT']);
  });

  it('expands abbreviations to full titles', () => {
    expect(controlTitle('NF')).toBe('NOT RELEASABLE TO FOREIGN NATIONALS');
    expect(controlTitle('IMCON')).toBe('CONTROLLED IMAGERY');
    expect(controlTitle('XD')).toBe('EXCLUSIVE DISTRIBUTION');
    expect(controlTitle('RD')).toBe('RESTRICTED DATA');
    expect(controlTitle('ZZZ')).toBeNull();
  });

  it('reports empty input and a missing level', () => {
    expect(parseMarking('   ').errors.map((e) => e.code)).toEqual(['E_EMPTY']);
    const r = parseMarking('NOFORN');
    expect(r.errors.map((e) => e.code)).toEqual(['E_LEVEL']);
    expect(r.marking).toBeNull();
    expect(r.normalised).toBeNull();
  });
});
