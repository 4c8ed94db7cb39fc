/** Foreign disclosure and release (FD&R): what a marking says about who may receive it. Used by roll-up and dominance. */
import { expandCountryCodes } from './countries.js';
import type { Marking } from './marking.js';

/** A marking's FD&R controls, wherever they sit (IC dissemination, non-IC `-NF` variants, CUI LDCs). */
export interface Fdr {
  noforn: boolean;
  /** REL TO list; null when absent. */
  rel: string[] | null;
  /** A portion's bare `REL` whose list is not known. */
  relUnresolved: boolean;
  relido: boolean;
  /** USA/… EYES ONLY list; null when absent. */
  eyes: string[] | null;
  eyesUnresolved: boolean;
  display: string[];
  /** Any FD&R control at all. */
  has: boolean;
}

/** Reads the FD&R controls of a marking. */
export function fdrOf(m: Marking): Fdr {
  const keys = new Set<string>([...m.dissem, ...(m.cui?.ldc ?? [])]);
  const noforn = keys.has('NOFORN') || m.nonIc.includes('SBU NOFORN') || m.nonIc.includes('LES NOFORN');
  const rel = keys.has('REL TO') ? m.relTo : null;
  const eyes = keys.has('EYES ONLY') ? m.eyes : null;
  return {
    noforn,
    rel,
    relUnresolved: rel !== null && rel.length === 0,
    relido: keys.has('RELIDO'),
    eyes,
    eyesUnresolved: eyes !== null && eyes.length === 0,
    display: keys.has('DISPLAY ONLY') ? m.displayOnly : [],
    has: noforn || rel !== null || eyes !== null || keys.has('RELIDO') || keys.has('DISPLAY ONLY'),
  };
}

/**
 * The countries a marking may reach (release or display), tetragraphs expanded; null means anyone (unclassified
 * with no FD&R control). NOFORN is {USA}. Classified information with no FD&R control is treated as {USA}, as is an
 * unresolved `REL` or `EYES`: the conservative reading.
 */
export function releasability(m: Marking): Set<string> | null {
  const f = fdrOf(m);
  if (!f.has) return m.level === 'U' ? null : new Set(['USA']);
  const out = new Set(['USA']);
  if (f.noforn) return out;
  for (const list of [f.rel, f.eyes, f.display]) for (const c of expandCountryCodes(list ?? [])) out.add(c);
  return out;
}
