/** Clearance dominance (Bell-LaPadula "≥") over structured markings: the check governance uses before any read. */
import { aeaTokens } from './aea.js';
import { compartmentTokens } from './compartments.js';
import { releasability } from './fdr.js';
import type { Marking } from './marking.js';
import { parseMarking } from './parse-marking.js';
import { FDR_CONTROLS, levelRank } from './vocabulary.js';

/** The parts of a label that dominance compares. */
export interface LabelAttributes {
  rank: number;
  /** Access tokens for SCI, SAP, AEA, NATO specials and unrecognised tokens (`SI`, `SI-G`, `SAR-ABC`, `RD`, …). */
  compartments: Set<string>;
  /** CUI tokens (`CUI`, `CUI:SP-PRVCY`, `CUI-LDC:FEDCON`): satisfied by the same tokens or by any classified level. */
  cui: Set<string>;
  /** Handling caveats: non-FD&R IC controls (ORCON, PROPIN, …) and non-IC controls (LES, SBU, …). */
  handling: Set<string>;
  /** Countries that may receive it (tetragraphs expanded); null for anyone. */
  reach: Set<string> | null;
}

/** Extracts the attributes `dominates` compares. */
export function labelAttributes(m: Marking): LabelAttributes {
  const compartments = new Set<string>([
    ...compartmentTokens(m.sci),
    ...compartmentTokens(m.sap, 'SAR-'),
    ...[...aeaTokens(m.aea)].map((t) => `AEA:${t}`),
    ...m.natoSpecial.map((n) => `NATO:${n}`),
    ...m.unknown.map((u) => `?:${u}`),
  ]);
  const cui = new Set<string>();
  if (m.cui) {
    cui.add('CUI');
    for (const c of m.cui.categories) cui.add(`CUI:${c}`);
    for (const l of m.cui.ldc) if (l !== 'NOFORN' && l !== 'REL TO' && l !== 'DISPLAY ONLY') cui.add(`CUI-LDC:${l}`);
  }
  const handling = new Set<string>([
    ...m.dissem.filter((k) => !FDR_CONTROLS.has(k)),
    ...m.nonIc.map((k) => (k === 'SBU NOFORN' ? 'SBU' : k === 'LES NOFORN' ? 'LES' : k)),
  ]);
  return { rank: levelRank(m.level), compartments, cui, handling, reach: releasability(m) };
}

const subset = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].every((x) => b.has(x));

function toMarking(x: Marking | string): Marking | null {
  return typeof x === 'string' ? parseMarking(x, { form: 'any' }).marking : x;
}

/**
 * True when `clearance` (a subject's clearance, a session label or a system-high label) dominates `label`, so the
 * holder may read what `label` marks. A ≥ B when all of these hold:
 * - level: A's level ≥ B's (U < R < C < S < TS; NATO and foreign levels compare as their US equivalents);
 * - compartments: A holds every SCI system/compartment/sub-compartment, SAP program, AEA marking (RD, CNWDI,
 *   SIGMA n), NATO special and unrecognised token of B (holding `SI-G ABCD` implies `SI` and `SI-G`);
 * - handling caveats: A lists every ORCON, IMCON, PROPIN, RSEN, FISA, DEA SENSITIVE, LES, SBU, … of B, except that
 *   FOUO is satisfied by any classified level or by CUI;
 * - CUI: B's CUI categories and LDCs are held by A, or A is classified (classified systems hold CUI);
 * - releasability (it runs the other way): the countries A may hold for (its nationality or the network's reach)
 *   are a subset of those B may go to. NOFORN is {USA}; REL TO is its list (FVEY/ACGU/TEYE expanded); DISPLAY ONLY
 *   and EYES ONLY add their lists; RELIDO, unresolved `REL`, and classified markings with no FD&R count as {USA};
 *   unclassified markings with no FD&R reach anyone. So a US clearance `TOP SECRET` reads `SECRET//REL TO USA, GBR`,
 *   while a coalition label `SECRET//REL TO USA, GBR` cannot read `SECRET//NOFORN`.
 * FGI, owners and JOINT participants describe provenance and do not enter the check. Dominance is reflexive and
 * transitive. A string that holds no readable marking dominates nothing and is dominated by nothing (deny).
 * @example dominates('TOP SECRET//SI/TK//NOFORN', '(S//SI//NF)') // true
 * @example dominates('SECRET//NOFORN', 'TOP SECRET') // false
 */
export function dominates(clearance: Marking | string, label: Marking | string): boolean {
  const a = toMarking(clearance);
  const b = toMarking(label);
  if (!a || !b) return false;
  const A = labelAttributes(a);
  const B = labelAttributes(b);
  if (A.rank < B.rank) return false;
  if (!subset(B.compartments, A.compartments)) return false;
  const classified = A.rank > levelRank('U');
  if (![...B.cui].every((t) => A.cui.has(t) || classified)) return false;
  if (![...B.handling].every((h) => A.handling.has(h) || (h === 'FOUO' && (classified || A.cui.has('CUI'))))) return false;
  if (B.reach === null) return true;
  return A.reach !== null && subset(A.reach, B.reach);
}
