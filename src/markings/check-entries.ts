/** The linter's rules over read entries: separators, category order, Register order, duplicates and forms. */
import { aeaRank } from './aea.js';
import { compartmentsAscending, mergeCompartments } from './compartments.js';
import { issue, type MarkingCorrection, type MarkingIssue } from './issues.js';
import type { MarkingForm } from './marking.js';
import type { Separator } from './lex-marking.js';
import { CATEGORY_RANK, type Entry, type EntryCat } from './read-entry.js';
import { DISSEM_CONTROLS, NATO_SPECIALS, NON_IC_CONTROLS } from './vocabulary.js';

/** An entry with the separator written before it (`missing`: none was written, after the level). */
export type PlacedEntry = Entry & { sep: Separator | 'missing' | null };

/** `/` inside a category, `//` between categories; spaces and extra slashes are noise. */
export function checkSeparators(entries: readonly PlacedEntry[], text: string): MarkingCorrection[] {
  const out: MarkingCorrection[] = [];
  let prev: EntryCat | 'level' = 'level';
  for (const e of entries) {
    const cat = e.data.cat;
    const sep = e.sep;
    if (sep === 'missing') out.push({ code: 'E_SEP', from: '', to: '//', position: e.start });
    else if (sep) {
      const raw = text.slice(sep.start, sep.end);
      if (sep.spaced) out.push({ code: 'E_SEP_SPACE', from: raw, to: raw.replace(/\s/g, ''), position: sep.start });
      const known = cat !== 'unknown' && prev !== 'unknown';
      const boundary = prev === 'level' || cat !== prev;
      if (known && boundary && sep.slashes === 1) out.push({ code: 'E_SEP', from: '/', to: '//', position: sep.start });
      else if (known && !boundary && sep.slashes >= 2) out.push({ code: 'E_SEP', from: '/'.repeat(sep.slashes), to: '/', position: sep.start });
      else if (sep.slashes > 2) out.push({ code: 'E_SEP', from: '/'.repeat(sep.slashes), to: '//', position: sep.start });
    }
    prev = cat;
  }
  return out;
}

function firstOutOfOrder<T>(items: readonly T[], rank: (t: T) => number): number {
  return items.findIndex((t, i) => i > 0 && rank(items[i - 1]!) > rank(t));
}

function duplicates(entries: readonly PlacedEntry[], key: (e: PlacedEntry) => string, out: MarkingIssue[]): void {
  const seen = new Set<string>();
  for (const e of entries) {
    const k = key(e);
    if (seen.has(k)) out.push(issue('E_DUP', `${k} appears twice`, e.start));
    seen.add(k);
  }
}

const DISSEM_RANK = new Map<string, number>(DISSEM_CONTROLS.map((d, i) => [d.key, i]));
const NON_IC_RANK = new Map<string, number>(NON_IC_CONTROLS.map((d, i) => [d.key, i]));

/** Category order, Register order inside dissemination controls, ascending SCI and SAP, duplicates. */
export function checkOrder(entries: readonly PlacedEntry[], cui: boolean): MarkingIssue[] {
  const out: MarkingIssue[] = [];
  const placed = entries.filter((e) => e.data.cat !== 'unknown');
  const bad = firstOutOfOrder(placed, (e) => CATEGORY_RANK[e.data.cat]);
  if (bad >= 0) {
    const [a, b] = [placed[bad - 1]!, placed[bad]!];
    const code = cui ? 'E_CUI_ORDER' : 'E_CAT_ORDER';
    const what = cui ? 'CUI categories must precede limited dissemination controls' : 'categories are out of order (SCI, SAP, AEA, FGI, dissemination, non-IC)';
    out.push(issue(code, `${what}: "${b.text}" comes after "${a.text}"`, b.start));
  }
  const of = (cat: EntryCat) => entries.filter((e) => e.data.cat === cat);
  const keyOf = (e: PlacedEntry): string => {
    const d = e.data;
    return d.cat === 'dissem' || d.cat === 'nonic' || d.cat === 'ldc' ? d.key : 'value' in d ? d.value : d.cat;
  };
  for (const [cat, rank] of [
    ['dissem', (e: PlacedEntry) => DISSEM_RANK.get(keyOf(e)) ?? 0],
    ['nonic', (e: PlacedEntry) => NON_IC_RANK.get(keyOf(e)) ?? 0],
    ['aea', (e: PlacedEntry) => aeaRank(keyOf(e))],
  ] as const) {
    const list = of(cat);
    const i = firstOutOfOrder(list, rank);
    if (i >= 0) out.push(issue('E_DISSEM_ORDER', `controls must follow Register order: "${list[i]!.text}" belongs before "${list[i - 1]!.text}"`, list[i]!.start));
  }
  for (const cat of ['sci', 'sap'] as const) {
    const list = of(cat);
    if (!compartmentsAscending(list.map(keyOf))) {
      const what = cat === 'sci' ? 'SCI control systems' : 'SAP programs';
      const expected = mergeCompartments(list.map(keyOf)).join('/');
      out.push(issue('E_SCI_ORDER', `${what} go in ascending order (numbers, then letters), each once: ${expected}, not ${list.map(keyOf).join('/')}`, list[0]!.start));
    }
  }
  for (const cat of ['dissem', 'nonic', 'aea', 'sci', 'sap', 'nato', 'cuiCat', 'ldc'] as const) duplicates(of(cat), keyOf, out);
  duplicates(of('fgi'), () => 'FGI', out);
  const nato = of('nato');
  const natoBad = firstOutOfOrder(nato, (e) => NATO_SPECIALS.indexOf(keyOf(e) as (typeof NATO_SPECIALS)[number]));
  if (natoBad >= 0) out.push(issue('E_DISSEM_ORDER', 'NATO special categories out of order', nato[natoBad]!.start));
  if (cui) checkCuiCategories(of('cuiCat').map((e) => ({ value: keyOf(e), start: e.start })), out);
  return out;
}

/** Specified (SP-) categories before basic ones, alphabetical in each group (a warning: recalled NARA practice). */
function checkCuiCategories(cats: Array<{ value: string; start: number }>, out: MarkingIssue[]): void {
  const sp = (v: string) => v.startsWith('SP-');
  const i = cats.findIndex((c, k) => k > 0 && !sp(cats[k - 1]!.value) && sp(c.value));
  if (i >= 0) out.push(issue('W_CUI_SP_FIRST', `specified category ${cats[i]!.value} should precede basic categories`, cats[i]!.start));
  const j = cats.findIndex((c, k) => k > 0 && sp(cats[k - 1]!.value) === sp(c.value) && cats[k - 1]!.value > c.value);
  if (j >= 0) out.push(issue('W_CUI_ALPHA', `CUI categories should be alphabetical within each group: ${cats[j - 1]!.value} / ${cats[j]!.value}`, cats[j]!.start));
}

/** Banners use banner forms and full titles; portions use portion abbreviations. */
export function checkForms(entries: readonly PlacedEntry[], form: MarkingForm): MarkingIssue[] {
  const out: MarkingIssue[] = [];
  for (const e of entries) {
    const d = e.data;
    if (form === 'banner' && d.cat === 'dissem' && d.short && d.key === 'REL TO') {
      out.push(issue('E_REL_SHORT', '"REL" alone is portion shorthand; a banner writes REL TO USA, …', e.start));
    } else if (form === 'banner' && e.written === 'portion') {
      out.push(issue('E_CONTROL_FORM', `"${e.text}" is a portion abbreviation; banners spell the control out`, e.start));
    } else if (form === 'portion' && (e.written === 'banner' || e.written === 'title')) {
      out.push(issue('E_CONTROL_FORM', `"${e.text}" is a banner form; portions use the abbreviation`, e.start));
    }
  }
  return out;
}
