/** The FD&R half of a roll-up (CAPCO 2016 Table 3): NOFORN absorbs, REL TO lists intersect, RELIDO only if all have it. */
import { expandCountryCodes, sortReleaseList } from './countries.js';
import { fdrOf, type Fdr } from './fdr.js';
import { issue, type MarkingIssue } from './issues.js';
import type { Marking } from './marking.js';

/** The banner's FD&R controls. */
export interface FdrRollup {
  noforn: boolean;
  relTo: string[];
  relido: boolean;
  eyes: string[];
  displayOnly: string[];
}

const NONE: FdrRollup = { noforn: false, relTo: [], relido: false, eyes: [], displayOnly: [] };
const NOFORN: FdrRollup = { ...NONE, noforn: true };

function intersect(sets: Array<Set<string>>): Set<string> {
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((c) => rest.every((s) => s.has(c))));
}

const same = (a: readonly string[] | null, b: readonly string[] | null) => a !== null && b !== null && a.join() === b.join();

/**
 * Rolls up FD&R. Unclassified portions without FD&R are ignored; any NOFORN (IC, SBU-NF, LES-NF or CUI) gives
 * NOFORN; a classified portion without FD&R next to one with FD&R gives NOFORN; REL TO lists intersect (tetragraphs
 * expanded unless every list is the same) and no common country gives NOFORN; RELIDO survives only if every portion
 * has it; DISPLAY ONLY keeps the countries every portion may at least display to.
 */
export function rollupFdr(markings: readonly Marking[], issues: MarkingIssue[]): FdrRollup {
  const considered = markings.map((m) => ({ m, f: fdrOf(m) })).filter(({ m, f }) => m.level !== 'U' || f.has);
  const fs = considered.map((c) => c.f);
  if (!fs.some((f) => f.has)) return NONE;
  if (fs.some((f) => f.noforn || !f.has)) return NOFORN;
  if (fs.some((f) => f.eyes !== null)) {
    const first = fs[0]!.eyes;
    return !fs[0]!.eyesUnresolved && fs.every((f) => same(f.eyes, first) && f.rel === null && f.display.length === 0) ? { ...NONE, eyes: [...first!] } : NOFORN;
  }
  const resolved: Fdr[] = fs.filter((f) => !f.relUnresolved);
  if (resolved.length === 0) {
    issues.push(issue('E_REL_SHORT', 'every REL TO portion uses the shorthand REL and no banner list was given; rolled up as NOFORN'));
    return NOFORN;
  }
  const relSet = (f: Fdr) => (f.rel ? expandCountryCodes(f.rel) : new Set(['USA']));
  const keep = resolved.every((f) => same(f.rel, resolved[0]!.rel));
  const rel = keep ? new Set(resolved[0]!.rel) : intersect(resolved.map(relSet));
  const relTo = rel.size > 1 ? sortReleaseList(rel) : [];
  const reach = intersect(resolved.map((f) => new Set([...relSet(f), ...expandCountryCodes(f.display)])));
  const released = expandCountryCodes(relTo);
  const displayOnly = sortReleaseList([...reach].filter((c) => c !== 'USA' && !released.has(c)));
  const relido = fs.every((f) => f.relido);
  if (!relTo.length && !relido && !displayOnly.length) return NOFORN;
  return { noforn: false, relTo, relido, eyes: [], displayOnly };
}
