/** The marking vocabulary (CAPCO Register 2016, 32 CFR 2002 CUI): levels, controls in Register order, full titles. */

/** Which edition of the vocabulary this is; bump it when a table below changes. */
export const VOCABULARY_VERSION = 'capco-2016.1';

/** Classification levels, lowest first. `R` (RESTRICTED) exists only for foreign and NATO information. */
export const LEVELS = ['U', 'R', 'C', 'S', 'TS'] as const;
export type Level = (typeof LEVELS)[number];

/** Runtime guard for a level. */
export function isLevel(x: string): x is Level {
  return (LEVELS as readonly string[]).includes(x);
}

/** Position of a level in `LEVELS`: higher is more sensitive. */
export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** US levels as banners spell them and portions abbreviate them. */
export const US_LEVEL_WORDS: Readonly<Record<Exclude<Level, 'R'>, string>> = {
  U: 'UNCLASSIFIED',
  C: 'CONFIDENTIAL',
  S: 'SECRET',
  TS: 'TOP SECRET',
};

/** NATO levels: banner words and portion abbreviations. */
export const NATO_LEVELS: Readonly<Record<Level, { banner: string; portion: string }>> = {
  U: { banner: 'NATO UNCLASSIFIED', portion: 'NU' },
  R: { banner: 'NATO RESTRICTED', portion: 'NR' },
  C: { banner: 'NATO CONFIDENTIAL', portion: 'NC' },
  S: { banner: 'NATO SECRET', portion: 'NS' },
  TS: { banner: 'COSMIC TOP SECRET', portion: 'CTS' },
};

/** NATO special categories that follow a NATO level (`//NATO SECRET//ATOMAL`). */
export const NATO_SPECIALS = ['ATOMAL', 'BOHEMIA', 'BALK'] as const;
export type NatoSpecial = (typeof NATO_SPECIALS)[number];

/** A control as the banner writes it (`key`), as a portion writes it, and its full titles (legal in banners). */
export interface ControlDef<K extends string = string> {
  key: K;
  portion: string;
  titles: readonly string[];
}

/** IC dissemination controls in Register order (the order they must appear in). */
export const DISSEM_CONTROLS = [
  { key: 'RSEN', portion: 'RS', titles: ['RISK SENSITIVE'] },
  { key: 'FOUO', portion: 'FOUO', titles: ['FOR OFFICIAL USE ONLY'] },
  { key: 'ORCON', portion: 'OC', titles: ['ORIGINATOR CONTROLLED'] },
  { key: 'ORCON-USGOV', portion: 'OC-USGOV', titles: [] },
  { key: 'IMCON', portion: 'IMC', titles: ['CONTROLLED IMAGERY'] },
  { key: 'NOFORN', portion: 'NF', titles: ['NOT RELEASABLE TO FOREIGN NATIONALS'] },
  { key: 'PROPIN', portion: 'PR', titles: ['CAUTION-PROPRIETARY INFORMATION INVOLVED'] },
  { key: 'REL TO', portion: 'REL TO', titles: ['AUTHORIZED FOR RELEASE TO'] },
  { key: 'RELIDO', portion: 'RELIDO', titles: ['RELEASABLE BY INFORMATION DISCLOSURE OFFICIAL'] },
  { key: 'EYES ONLY', portion: 'EYES', titles: [] },
  { key: 'DEA SENSITIVE', portion: 'DSEN', titles: [] },
  { key: 'FISA', portion: 'FISA', titles: ['FOREIGN INTELLIGENCE SURVEILLANCE ACT'] },
  { key: 'DISPLAY ONLY', portion: 'DISPLAY ONLY', titles: [] },
] as const satisfies readonly ControlDef[];
export type DissemKey = (typeof DISSEM_CONTROLS)[number]['key'];

/** Foreign disclosure and release (FD&R) controls: they say who may receive, not how to handle. */
export const FDR_CONTROLS: ReadonlySet<DissemKey> = new Set(['NOFORN', 'REL TO', 'RELIDO', 'EYES ONLY', 'DISPLAY ONLY']);

/** Non-IC dissemination controls in Register order. */
export const NON_IC_CONTROLS = [
  { key: 'LIMDIS', portion: 'DS', titles: ['LIMITED DISTRIBUTION'] },
  { key: 'EXDIS', portion: 'XD', titles: ['EXCLUSIVE DISTRIBUTION'] },
  { key: 'NODIS', portion: 'ND', titles: ['NO DISTRIBUTION'] },
  { key: 'SBU', portion: 'SBU', titles: ['SENSITIVE BUT UNCLASSIFIED'] },
  { key: 'SBU NOFORN', portion: 'SBU-NF', titles: ['SENSITIVE BUT UNCLASSIFIED NOFORN'] },
  { key: 'LES', portion: 'LES', titles: ['LAW ENFORCEMENT SENSITIVE'] },
  { key: 'LES NOFORN', portion: 'LES-NF', titles: ['LAW ENFORCEMENT SENSITIVE NOFORN'] },
  { key: 'SSI', portion: 'SSI', titles: ['SENSITIVE SECURITY INFORMATION'] },
] as const satisfies readonly ControlDef[];
export type NonIcKey = (typeof NON_IC_CONTROLS)[number]['key'];

/** Atomic Energy Act markings without parameters (RD and FRD take -CNWDI / -SIGMA and are parsed apart). */
export const AEA_SIMPLE = [
  { key: 'DOD UCNI', portion: 'DCNI', titles: ['DOD UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION'] },
  { key: 'DOE UCNI', portion: 'UCNI', titles: ['DOE UNCLASSIFIED CONTROLLED NUCLEAR INFORMATION'] },
  { key: 'TFNI', portion: 'TFNI', titles: ['TRANSCLASSIFIED FOREIGN NUCLEAR INFORMATION'] },
] as const satisfies readonly ControlDef[];

/** Full titles of RD and FRD. */
export const AEA_TITLES: Readonly<Record<string, 'RD' | 'FRD'>> = { 'RESTRICTED DATA': 'RD', 'FORMERLY RESTRICTED DATA': 'FRD' };

/** CUI limited dissemination controls (32 CFR 2002.16), in the order we render them. */
export const CUI_LDCS = ['NOFORN', 'FED ONLY', 'FEDCON', 'NOCON', 'DL ONLY', 'REL TO', 'DISPLAY ONLY'] as const;
export type CuiLdcKey = (typeof CUI_LDCS)[number];

/** Published SCI control systems; unpublished ones exist, so an unknown system is a warning, not an error. */
export const SCI_SYSTEMS: Readonly<Record<string, string>> = {
  HCS: 'HUMINT Control System',
  RSV: 'Reserve',
  SI: 'Special Intelligence',
  TK: 'Talent Keyhole',
};

/** Closed SCI control systems: information so marked must be re-marked. */
export const SCI_CLOSED: Readonly<Record<string, string>> = { KDK: 'KLONDIKE' };

/** The full title of a control written either way (`NF` → `NOT RELEASABLE TO FOREIGN NATIONALS`), or null. */
export function controlTitle(token: string): string | null {
  for (const def of [...DISSEM_CONTROLS, ...NON_IC_CONTROLS, ...AEA_SIMPLE] as readonly ControlDef[]) {
    if ((def.key === token || def.portion === token) && def.titles.length > 0) return def.titles[0]!;
  }
  for (const [title, key] of Object.entries(AEA_TITLES)) if (key === token) return title;
  return SCI_SYSTEMS[token] ?? SCI_CLOSED[token] ?? null;
}
