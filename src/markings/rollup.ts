/** Banner roll-up: the least upper bound (Bell-LaPadula join) of portion markings, per CAPCO 2016 §D.2 and Table 3. */
import { mergeAea } from './aea.js';
import { mergeCompartments } from './compartments.js';
import { compareCountryCodes } from './countries.js';
import { issue, splitIssues, type MarkingIssue } from './issues.js';
import { emptyMarking, type Marking, type MarkingScheme } from './marking.js';
import { parseMarking } from './parse-marking.js';
import { renderMarking } from './render-marking.js';
import { rollupFdr } from './rollup-fdr.js';
import { CUI_LDCS, DISSEM_CONTROLS, FDR_CONTROLS, LEVELS, NATO_SPECIALS, NON_IC_CONTROLS, levelRank, type CuiLdcKey, type DissemKey, type NonIcKey } from './vocabulary.js';

/** Options for a roll-up. */
export interface RollupOptions {
  /** The document's banner, so portions written `(S//REL)` roll up with its REL TO list. */
  banner?: Marking | null;
}

/** A roll-up: the banner (null when nothing could be read) and what went wrong. */
export interface RollupResult {
  banner: string | null;
  marking: Marking | null;
  errors: MarkingIssue[];
  warnings: MarkingIssue[];
}

const CUI_FDR: ReadonlySet<string> = new Set(['NOFORN', 'REL TO', 'DISPLAY ONLY']);
const union = <T>(lists: Iterable<readonly T[]>): Set<T> => new Set([...lists].flatMap((l) => [...l]));

function schemeOf(ms: readonly Marking[]): { scheme: MarkingScheme; owners: string[] } {
  if (ms.every((m) => m.scheme === 'nato')) return { scheme: 'nato', owners: [] };
  const owners = ms[0]!.owners.join(' ');
  if (ms.every((m) => m.scheme === 'joint' && m.owners.join(' ') === owners)) return { scheme: 'joint', owners: [...ms[0]!.owners] };
  if (ms.every((m) => m.level === 'U') && ms.some((m) => m.scheme === 'cui')) return { scheme: 'cui', owners: [] };
  return { scheme: 'us', owners: [] };
}

/** FGI sources: FGI categories, plus the owners of foreign portions (and NATO) inside a US marking. */
function fgiOf(ms: readonly Marking[], scheme: MarkingScheme): string[] | null {
  let any = false;
  let concealed = false;
  const sources = new Set<string>();
  const add = (codes: readonly string[]) => {
    any = true;
    if (codes.length === 0) concealed = true;
    for (const c of codes) sources.add(c);
  };
  for (const m of ms) {
    if (m.fgi !== null) add(m.fgi);
    if (scheme === 'us' && m.scheme === 'foreign') add(m.owners);
    if (scheme === 'us' && m.scheme === 'nato') add(['NATO']);
  }
  return !any ? null : concealed ? [] : [...sources].sort(compareCountryCodes);
}

/**
 * Rolls structured markings up to one banner: highest level; union of SCI, SAP, AEA and handling controls (FOUO
 * dropped when classified); FGI sources joined (just `FGI` if any source is concealed); FD&R by `rollupFdr`.
 * All-NATO or all-JOINT (same owners) inputs keep their scheme; all-unclassified with CUI gives a CUI banner;
 * anything else gives a US banner. Issues: controls that cannot share the result's banner (E_ROLLUP_MIX).
 */
export function rollupMarkings(markings: readonly Marking[], options: RollupOptions = {}): { marking: Marking | null; issues: MarkingIssue[] } {
  if (markings.length === 0) return { marking: null, issues: [issue('E_EMPTY', 'no markings to roll up')] };
  const issues: MarkingIssue[] = [];
  const { scheme, owners } = schemeOf(markings);
  let level = LEVELS[Math.max(...markings.map((m) => levelRank(m.level)))]!;
  if (level === 'R' && scheme !== 'nato' && scheme !== 'joint') level = 'C';
  const m = emptyMarking('banner', scheme, level);
  m.owners = owners;
  m.natoSpecial = NATO_SPECIALS.filter((n) => markings.some((x) => x.natoSpecial.includes(n)));
  if (scheme !== 'nato' && m.natoSpecial.length) {
    issues.push(issue('E_ROLLUP_MIX', `${m.natoSpecial.join('/')} cannot be carried in a non-NATO banner; mark per the NATO security agreement`));
    m.natoSpecial = [];
  }
  m.sci = mergeCompartments(markings.flatMap((x) => x.sci));
  m.sap = mergeCompartments(markings.flatMap((x) => x.sap));
  m.aea = mergeAea(markings.flatMap((x) => x.aea));
  m.fgi = fgiOf(markings, scheme);
  m.unknown = [...union(markings.map((x) => x.unknown))];

  const handling = new Set<string>(markings.flatMap((x) => x.dissem).filter((k) => !FDR_CONTROLS.has(k)));
  const nonIc = new Set<string>(markings.flatMap((x) => x.nonIc).map((k) => (k === 'SBU NOFORN' ? 'SBU' : k === 'LES NOFORN' ? 'LES' : k)));
  if (level !== 'U' || scheme === 'cui') handling.delete('FOUO');
  const fdr = rollupFdr(markings, issues);
  const keys = new Set<string>(handling);
  if (fdr.noforn) keys.add('NOFORN');
  if (fdr.relTo.length) keys.add('REL TO');
  if (fdr.relido) keys.add('RELIDO');
  if (fdr.eyes.length) keys.add('EYES ONLY');
  if (fdr.displayOnly.length) keys.add('DISPLAY ONLY');
  [m.relTo, m.eyes, m.displayOnly] = [fdr.relTo, fdr.eyes, fdr.displayOnly];

  if (scheme === 'cui') {
    const mixed = [...handling, ...nonIc, ...(m.fgi === null ? [] : ['FGI'])];
    if (mixed.length) issues.push(issue('E_ROLLUP_MIX', `${mixed.join(', ')} cannot go in a CUI banner; re-mark those portions as CUI`));
    [m.fgi, m.eyes] = [null, []];
    const ldc = new Set<string>(markings.flatMap((x) => x.cui?.ldc ?? []).filter((k) => !CUI_FDR.has(k)));
    if (fdr.noforn || fdr.relido || fdr.eyes.length) {
      // CUI has no RELIDO or EYES ONLY: the nearest CUI control is NOFORN.
      [m.relTo, m.displayOnly] = [[], []];
      ldc.add('NOFORN');
    }
    if (m.relTo.length) ldc.add('REL TO');
    if (m.displayOnly.length) ldc.add('DISPLAY ONLY');
    const cats = [...union(markings.map((x) => x.cui?.categories ?? []))];
    const sp = (v: string) => (v.startsWith('SP-') ? 0 : 1);
    m.cui = { categories: cats.sort((a, b) => sp(a) - sp(b) || (a < b ? -1 : a > b ? 1 : 0)), ldc: CUI_LDCS.filter((k): k is CuiLdcKey => ldc.has(k)) };
  } else {
    m.dissem = DISSEM_CONTROLS.map((d) => d.key).filter((k): k is DissemKey => keys.has(k));
    m.nonIc = NON_IC_CONTROLS.map((d) => d.key).filter((k): k is NonIcKey => nonIc.has(k));
  }
  return { marking: m, issues };
}

/**
 * Rolls portion marks (or banners) up to the banner they call for.
 * @example rollup(['(U)', '(S//NF)', '(C//REL TO USA, FVEY)']).banner // 'SECRET//NOFORN'
 */
export function rollup(portions: readonly string[], options: RollupOptions = {}): RollupResult {
  const issues: MarkingIssue[] = [];
  const markings: Marking[] = [];
  for (const text of portions) {
    const r = parseMarking(text, { form: 'any', banner: options.banner ?? null });
    for (const i of [...r.errors, ...r.warnings]) issues.push({ code: i.code, message: `${JSON.stringify(text.trim())}: ${i.message}` });
    if (r.marking) markings.push(r.marking);
  }
  const rolled = markings.length || issues.length === 0 ? rollupMarkings(markings, options) : { marking: null, issues: [] };
  issues.push(...rolled.issues);
  return { banner: rolled.marking ? renderMarking(rolled.marking, 'banner') : null, marking: rolled.marking, ...splitIssues(issues) };
}
