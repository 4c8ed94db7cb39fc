/** Reads one entry (text between `/` separators) into its category and canonical value, repairing OCR noise. */
import { readRdFrd, type WrittenForm } from './aea.js';
import { issue, type IssueSink } from './issues.js';
import { checkCountryOrder, checkRelList, readCountryList } from './read-country-list.js';
import { suggestControl } from './suggest-control.js';
import {
  AEA_SIMPLE,
  CUI_LDCS,
  DISSEM_CONTROLS,
  NATO_SPECIALS,
  NON_IC_CONTROLS,
  SCI_CLOSED,
  SCI_SYSTEMS,
  type ControlDef,
  type CuiLdcKey,
  type DissemKey,
  type NatoSpecial,
  type NonIcKey,
} from './vocabulary.js';

/** An entry's category and canonical value. Categories in CAPCO order: nato, sci, sap, aea, fgi, dissem, nonic. */
export type EntryData =
  | { cat: 'nato'; value: NatoSpecial }
  | { cat: 'sci'; value: string }
  | { cat: 'sap'; value: string }
  | { cat: 'aea'; value: string }
  | { cat: 'fgi'; codes: string[] }
  | { cat: 'dissem'; key: DissemKey; list: string[]; short: boolean }
  | { cat: 'nonic'; key: NonIcKey }
  | { cat: 'cui' }
  | { cat: 'cuiCat'; value: string }
  | { cat: 'ldc'; key: CuiLdcKey; list: string[] }
  | { cat: 'unknown'; value: string };

export type EntryCat = EntryData['cat'];

/** Category ranks for order checks; CUI markings use their own two. */
export const CATEGORY_RANK: Readonly<Record<EntryCat, number>> = {
  nato: 0,
  sci: 1,
  sap: 2,
  aea: 3,
  fgi: 4,
  dissem: 5,
  nonic: 6,
  cui: 7,
  cuiCat: 1,
  ldc: 2,
  unknown: -1,
};

/** One entry, read. */
export interface Entry {
  data: EntryData;
  written: WrittenForm;
  text: string;
  start: number;
}

/** What the reader knows about the entry's place. */
export interface EntryContext {
  scheme: 'capco' | 'cui';
  /** The previous entry was a SAP program joined by a single `/` (`SAR-ABC/DEF`: DEF is a program too). */
  afterSap: boolean;
  /** No category after SCI has been seen yet, so an unknown identifier may be an unpublished SCI system. */
  sciAllowed: boolean;
}

/** The entry and what reading it found. */
export interface EntryRead extends IssueSink {
  entry: Entry;
}

type Simple = { data: EntryData; written: WrittenForm };

function addDefs<K extends string>(table: Map<string, Simple>, defs: readonly ControlDef<K>[], make: (key: K) => EntryData): void {
  for (const d of defs) {
    table.set(d.key, { data: make(d.key), written: d.key === d.portion ? 'both' : 'banner' });
    if (d.portion !== d.key) table.set(d.portion, { data: make(d.key), written: 'portion' });
    for (const t of d.titles) table.set(t, { data: make(d.key), written: 'title' });
  }
}

const LISTED: ReadonlySet<string> = new Set(['REL TO', 'EYES ONLY', 'DISPLAY ONLY']);

const CAPCO_TABLE = (() => {
  const t = new Map<string, Simple>();
  addDefs(t, DISSEM_CONTROLS.filter((d) => !LISTED.has(d.key)), (key) => ({ cat: 'dissem', key, list: [], short: false }));
  t.set('REL', { data: { cat: 'dissem', key: 'REL TO', list: [], short: true }, written: 'portion' });
  t.set('EYES', { data: { cat: 'dissem', key: 'EYES ONLY', list: [], short: true }, written: 'portion' });
  addDefs(t, NON_IC_CONTROLS, (key) => ({ cat: 'nonic', key }));
  addDefs(t, AEA_SIMPLE, (key) => ({ cat: 'aea', value: key }));
  for (const n of NATO_SPECIALS) t.set(n, { data: { cat: 'nato', value: n }, written: 'both' });
  t.set('CUI', { data: { cat: 'cui' }, written: 'both' });
  return t;
})();

const CUI_TABLE = (() => {
  const t = new Map<string, Simple>();
  for (const k of CUI_LDCS) if (k !== 'REL TO' && k !== 'DISPLAY ONLY') t.set(k, { data: { cat: 'ldc', key: k, list: [] }, written: 'both' });
  t.set('NF', { data: { cat: 'ldc', key: 'NOFORN', list: [] }, written: 'portion' });
  return t;
})();

const squeeze = (s: string) => s.replace(/ /g, '').replace(/0/g, 'O').replace(/1/g, 'I');
const squeezedIndex = (table: Map<string, Simple>) => new Map([...table.keys()].map((k) => [squeeze(k), k]));
const CAPCO_SQUEEZED = squeezedIndex(CAPCO_TABLE);
const CUI_SQUEEZED = squeezedIndex(CUI_TABLE);

const ID = /^[A-Z0-9]+(?:-[A-Z0-9]+(?: [A-Z0-9]+)*)*$/;
const CUI_CAT = /^(?:SP-)?[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*$/;

/** Text with its offset in the checked marking. */
type At = { u: string; start: number };

function readListed({ u, start }: At, scheme: EntryContext['scheme'], out: EntryRead): Simple | null {
  const rel = /^REL ?TO(?=$| |,)[ ,]*/.exec(u);
  if (rel) {
    const list = readCountryList({ text: u.slice(rel[0].length), start: start + rel[0].length, style: 'comma' }, out);
    checkRelList(list, start, out);
    const data: EntryData = scheme === 'cui' ? { cat: 'ldc', key: 'REL TO', list } : { cat: 'dissem', key: 'REL TO', list, short: false };
    return { data, written: 'both' };
  }
  const display = /^DISPLAY ?ONLY(?=$| )[ ,]*/.exec(u);
  if (display) {
    const list = readCountryList({ text: u.slice(display[0].length), start: start + display[0].length, style: 'comma' }, out);
    if (list.length === 0) out.issues.push(issue('E_REL_EMPTY', 'DISPLAY ONLY needs at least one country', start));
    checkCountryOrder(list, { what: 'DISPLAY ONLY', position: start }, out);
    const data: EntryData = scheme === 'cui' ? { cat: 'ldc', key: 'DISPLAY ONLY', list } : { cat: 'dissem', key: 'DISPLAY ONLY', list, short: false };
    return { data, written: 'both' };
  }
  if (scheme === 'cui') return null;
  const eyes = /^USA((?:\/[A-Z]{3,4})+) ?EYES ?ONLY$/.exec(u);
  if (eyes) {
    const list = eyes[1]!.split('/').filter(Boolean);
    checkCountryOrder(list, { what: 'EYES ONLY', position: start }, out);
    return { data: { cat: 'dissem', key: 'EYES ONLY', list: ['USA', ...list], short: false }, written: 'banner' };
  }
  const fgi = /^FGI(?: (.*))?$/.exec(u);
  if (fgi) {
    const list = readCountryList({ text: fgi[1] ?? '', start: start + 4, style: 'space' }, out);
    checkCountryOrder(list, { what: 'FGI', position: start }, out);
    return { data: { cat: 'fgi', codes: list }, written: 'both' };
  }
  const sap = /^(SAR|SPECIAL ACCESS REQUIRED)-(.+)$/.exec(u);
  if (sap && ID.test(sap[2]!)) return { data: { cat: 'sap', value: sap[2]! }, written: sap[1] === 'SAR' ? 'both' : 'title' };
  const aea = readRdFrd(u);
  if (aea) return { data: { cat: 'aea', value: `${aea.base}${aea.cnwdi ? '-CNWDI' : ''}${aea.sigmas.length ? `-SIGMA ${aea.sigmas.join(' ')}` : ''}` }, written: aea.written };
  return null;
}

function readSci({ u, start }: At, ctx: EntryContext, out: EntryRead): Simple | null {
  if (!ID.test(u)) return null;
  const [system, ...rest] = u.split('-');
  const fixed = system!.replace(/0/g, 'O').replace(/1/g, 'I');
  const known = (s: string) => Object.hasOwn(SCI_SYSTEMS, s) || Object.hasOwn(SCI_CLOSED, s) || s === 'SCI';
  let value = u;
  if (!known(system!) && known(fixed)) {
    value = [fixed, ...rest].join('-');
    out.corrections.push({ code: 'E_OCR', from: system!, to: fixed, position: start });
  }
  const sys = value.split('-')[0]!;
  // An unknown identifier may be an unpublished system, unless it sits after SCI's place or looks like a misspelt control.
  if (!known(sys) && (!ctx.sciAllowed || suggestControl(u, CAPCO_TABLE.keys()) !== null)) return null;
  if (sys === 'SCI') out.issues.push(issue('E_SCI_GENERIC', '"SCI" is not a control system; name the systems (e.g. SI, TK, HCS)', start));
  else if (Object.hasOwn(SCI_CLOSED, sys)) out.issues.push(issue('E_SCI_CLOSED', `${sys} (${SCI_CLOSED[sys]}) is closed; re-mark the information`, start));
  else if (!known(sys)) out.issues.push(issue('W_SCI_UNKNOWN', `"${sys}" is not a published SCI control system`, start));
  return { data: { cat: 'sci', value }, written: 'both' };
}

/** Reads one entry. `text` is upper case already; extra inner spaces are repaired and reported. */
export function readEntry(text: string, start: number, ctx: EntryContext): EntryRead {
  const out: EntryRead = { entry: { data: { cat: 'unknown', value: text }, written: 'both', text, start }, issues: [], corrections: [] };
  const u = text.replace(/ {2,}/g, ' ');
  if (u !== text) out.corrections.push({ code: 'E_OCR', from: text, to: u, position: start });
  const table = ctx.scheme === 'cui' ? CUI_TABLE : CAPCO_TABLE;
  const found = (s: Simple) => {
    out.entry = { ...out.entry, data: s.data, written: s.written };
    return out;
  };
  const direct = table.get(u);
  if (direct) return found(direct);
  const listed = readListed({ u, start }, ctx.scheme, out);
  if (listed) return found(listed);
  const squeezed = (ctx.scheme === 'cui' ? CUI_SQUEEZED : CAPCO_SQUEEZED).get(squeeze(u));
  if (squeezed) {
    out.corrections.push({ code: 'E_OCR', from: u, to: squeezed, position: start });
    return found(table.get(squeezed)!);
  }
  if (ctx.scheme === 'cui') {
    if (CUI_CAT.test(u)) return found({ data: { cat: 'cuiCat', value: u }, written: 'both' });
  } else {
    if (ctx.afterSap && ID.test(u)) return found({ data: { cat: 'sap', value: u }, written: 'both' });
    const sci = readSci({ u, start }, ctx, out);
    if (sci) return found(sci);
  }
  const hint = suggestControl(u, table.keys());
  out.issues.push(issue('E_UNKNOWN', `unknown control "${u}"${hint ? ` (did you mean ${hint}?)` : ''}`, start));
  out.entry = { ...out.entry, data: { cat: 'unknown', value: u } };
  return out;
}
