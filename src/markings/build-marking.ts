/** Builds the canonical structure from read entries, applying the semantic rules (NOFORN conflicts, FOUO, SCI with U). */
import { mergeAea } from './aea.js';
import { mergeCompartments } from './compartments.js';
import { compareCountryCodes, sortReleaseList } from './countries.js';
import { issue, type MarkingIssue } from './issues.js';
import { emptyMarking, type Marking, type MarkingForm, type MarkingScheme } from './marking.js';
import type { PlacedEntry } from './check-entries.js';
import type { EntryData } from './read-entry.js';
import { CUI_LDCS, DISSEM_CONTROLS, NATO_SPECIALS, NON_IC_CONTROLS, type CuiLdcKey, type DissemKey, type Level, type NonIcKey } from './vocabulary.js';

/** What the level piece said. */
export interface LevelPart {
  scheme: MarkingScheme;
  level: Level;
  owners: string[];
  start: number;
}

type Of<C extends EntryData['cat']> = Extract<EntryData, { cat: C }>;

function pick<C extends EntryData['cat']>(entries: readonly PlacedEntry[], cat: C): Array<Of<C> & { start: number }> {
  return entries.filter((e) => e.data.cat === cat).map((e) => ({ ...(e.data as Of<C>), start: e.start }));
}

const NOFORN_NON_IC: ReadonlySet<NonIcKey> = new Set(['SBU NOFORN', 'LES NOFORN']);
const RELEASE: ReadonlySet<string> = new Set(['REL TO', 'RELIDO', 'EYES ONLY', 'DISPLAY ONLY']);

function checkOwners(lv: LevelPart, out: MarkingIssue[]): void {
  const o = lv.owners;
  if (lv.scheme === 'joint' && !o.includes('USA')) out.push(issue('E_JOINT_USA', `a JOINT marking must list USA among its owners (found ${o.join(' ')})`, lv.start));
  if (o.some((c, i) => i > 0 && compareCountryCodes(o[i - 1]!, c) > 0)) {
    out.push(issue('E_CC_ORDER', `owner codes must be trigraphs alphabetically, then tetragraphs (found ${o.join(' ')})`, lv.start));
  }
}

/**
 * The marking the entries describe, with conflicts resolved towards the more restrictive reading (NOFORN wins over
 * REL TO; REL TO USA alone becomes NOFORN) and FOUO dropped from classified markings. Issues say what was wrong.
 */
export function buildMarking(lv: LevelPart, entries: readonly PlacedEntry[], options: { form: MarkingForm; banner: Marking | null }): { marking: Marking; issues: MarkingIssue[] } {
  const { form, banner } = options;
  const out: MarkingIssue[] = [];
  const m = emptyMarking(form, lv.scheme, lv.level);
  checkOwners(lv, out);
  m.owners = [...lv.owners].sort(compareCountryCodes);
  const nato = pick(entries, 'nato');
  if (nato.length && lv.scheme !== 'nato') out.push(issue('E_UNKNOWN', `${nato[0]!.value} is a NATO category; it only follows a NATO level`, nato[0]!.start));
  m.natoSpecial = NATO_SPECIALS.filter((n) => nato.some((e) => e.value === n));
  m.sci = mergeCompartments(pick(entries, 'sci').map((e) => e.value));
  m.sap = mergeCompartments(pick(entries, 'sap').map((e) => e.value));
  m.aea = mergeAea(pick(entries, 'aea').map((e) => e.value));
  const fgi = pick(entries, 'fgi');
  m.fgi = fgi.length === 0 ? null : fgi.some((f) => f.codes.length === 0) ? [] : [...new Set(fgi.flatMap((f) => f.codes))].sort(compareCountryCodes);
  m.unknown = pick(entries, 'unknown').map((e) => e.value);

  const dissem = pick(entries, 'dissem');
  const ldc = pick(entries, 'ldc');
  const keys = new Set<string>([...dissem.map((d) => d.key), ...ldc.map((d) => d.key)]);
  const nonIc = new Set<NonIcKey>(pick(entries, 'nonic').map((e) => e.key));
  const listed = [...dissem, ...ldc];
  const rel = listed.filter((d) => d.key === 'REL TO');
  m.relShort = dissem.some((d) => d.key === 'REL TO' && d.short);
  m.relTo = sortReleaseList(rel.flatMap((d) => d.list));
  m.eyes = sortReleaseList(dissem.filter((d) => d.key === 'EYES ONLY').flatMap((d) => d.list));
  m.displayOnly = sortReleaseList(listed.filter((d) => d.key === 'DISPLAY ONLY').flatMap((d) => d.list));
  if (m.relShort && banner) {
    if (banner.relTo.length) m.relTo = [...banner.relTo];
    else out.push(issue('E_REL_SHORT', '"REL" stands for the banner\'s REL TO list, but the banner has none', dissem.find((d) => d.short)!.start));
  }
  if (keys.has('EYES ONLY') && m.eyes.length === 0 && banner) m.eyes = [...banner.eyes];
  if (m.relTo.length && !m.relTo.includes('USA')) m.relTo = ['USA', ...m.relTo];

  const noforn = keys.has('NOFORN') || [...nonIc].some((k) => NOFORN_NON_IC.has(k));
  const release = [...keys].filter((k) => RELEASE.has(k));
  if (noforn && release.length) {
    out.push(issue('E_NF_CONFLICT', `NOFORN cannot be combined with ${release.join(', ')}`, listed.find((d) => RELEASE.has(d.key))!.start));
    for (const k of release) keys.delete(k);
  }
  if (keys.has('REL TO') && !m.relShort && m.relTo.every((c) => c === 'USA')) {
    keys.delete('REL TO');
    if (!keys.has('RELIDO') && !keys.has('DISPLAY ONLY')) keys.add('NOFORN');
  }
  if (!keys.has('REL TO')) [m.relTo, m.relShort] = [[], false];
  if (!keys.has('EYES ONLY')) m.eyes = [];
  if (!keys.has('DISPLAY ONLY')) m.displayOnly = [];

  if (keys.has('FOUO')) {
    out.push(issue('W_LEGACY_FOUO', 'FOUO is superseded by CUI (DoDI 5200.48)', dissem.find((d) => d.key === 'FOUO')!.start));
    if (lv.level !== 'U') {
      out.push(issue('E_FOUO_CLASSIFIED', 'FOUO only goes with UNCLASSIFIED; drop it from a classified marking', dissem.find((d) => d.key === 'FOUO')!.start));
      keys.delete('FOUO');
    }
  }
  if (lv.level === 'U' && (m.sci.length || m.sap.length)) out.push(issue('E_SCI_UNCLASS', 'SCI and SAP controls require a classified level', lv.start));

  if (lv.scheme === 'cui') {
    const cats = [...new Set(pick(entries, 'cuiCat').map((e) => e.value))];
    const sp = (v: string) => (v.startsWith('SP-') ? 0 : 1);
    cats.sort((a, b) => sp(a) - sp(b) || (a < b ? -1 : a > b ? 1 : 0));
    m.cui = { categories: cats, ldc: CUI_LDCS.filter((k): k is CuiLdcKey => keys.has(k)) };
  } else {
    m.dissem = DISSEM_CONTROLS.map((d) => d.key).filter((k): k is DissemKey => keys.has(k));
  }
  m.nonIc = NON_IC_CONTROLS.map((d) => d.key).filter((k) => nonIc.has(k));
  return { marking: m, issues: out };
}
