// Property tests with a seeded generator: round-trip, roll-up is an idempotent, commutative upper bound, dominance is a preorder.
import { describe, expect, it } from 'vitest';
import { sortReleaseList } from './countries.js';
import { dominates } from './dominates.js';
import { emptyMarking, type Marking } from './marking.js';
import { parseMarking } from './parse-marking.js';
import { renderMarking } from './render-marking.js';
import { rollup, rollupMarkings } from './rollup.js';
import { CUI_LDCS, DISSEM_CONTROLS, levelRank, type DissemKey, type Level } from './vocabulary.js';

/** mulberry32: a small, seeded PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const some = <T>(r: Rand, xs: readonly T[], p = 0.3): T[] => xs.filter(() => r() < p);
const order = (keys: Iterable<string>) => DISSEM_CONTROLS.map((d) => d.key).filter((k): k is DissemKey => [...keys].includes(k));

/** A random, valid portion marking (notional values only). */
function randomMarking(r: Rand): Marking {
  const roll = r();
  if (roll < 0.12) {
    const m = emptyMarking('portion', 'cui', 'U');
    const fdr = pick(r, ['none', 'nf', 'rel'] as const);
    const ldc = new Set<string>([...some(r, ['FEDCON', 'NOCON']), ...(fdr === 'nf' ? ['NOFORN'] : fdr === 'rel' ? ['REL TO'] : [])]);
    m.cui = { categories: some(r, ['SP-CTI', 'SP-PRVCY', 'PRVCY']), ldc: CUI_LDCS.filter((k) => ldc.has(k)) };
    if (fdr === 'rel') m.relTo = sortReleaseList(['USA', 'GBR', ...some(r, ['AUS', 'CAN', 'JPN'])]);
    return m;
  }
  const level: Level = pick(r, ['U', 'U', 'C', 'S', 'S', 'TS']);
  const scheme = level === 'U' ? 'us' : roll < 0.22 ? 'foreign' : roll < 0.27 ? 'nato' : roll < 0.3 ? 'joint' : 'us';
  const m = emptyMarking('portion', scheme, scheme === 'nato' && level === 'C' && r() < 0.5 ? 'R' : level);
  if (scheme === 'foreign') m.owners = r() < 0.2 ? [] : [...new Set(['DEU', ...some(r, ['CAN', 'FRA', 'GBR'], 0.5)])].sort();
  if (scheme === 'joint') m.owners = ['AUS', 'USA'];
  const keys = new Set<DissemKey>();
  if (level === 'U') {
    if (r() < 0.3) keys.add('FOUO');
  } else {
    m.sci = some(r, ['HCS-P JJJ', 'SI', 'SI-G ABCD', 'TK'], 0.2).filter((s, _, all) => s !== 'SI' || !all.includes('SI-G ABCD'));
    m.sap = some(r, ['ABC-DEF 123', 'XYZ'], 0.15);
    m.aea = some(r, ['RD-CNWDI', 'FRD', 'DOD UCNI'], 0.1);
    if (scheme === 'us' && r() < 0.15) m.fgi = r() < 0.3 ? [] : ['GBR'];
    for (const k of some(r, ['ORCON', 'IMCON', 'PROPIN'] as const, 0.15)) keys.add(k);
    if (r() < 0.1) m.nonIc = [pick(r, ['EXDIS', 'LES'] as const)];
  }
  const fdr = pick(r, ['none', 'none', 'nf', 'rel', 'rel', 'relido', 'relrelido', 'display', 'reldisplay', 'sbunf'] as const);
  const rel = () => sortReleaseList(['USA', ...some(r, ['AUS', 'CAN', 'GBR', 'JPN', 'NZL', 'FVEY', 'NATO'], 0.4), pick(r, ['GBR', 'AUS', 'FVEY'])]);
  if (fdr === 'nf') keys.add('NOFORN');
  if (fdr === 'sbunf') m.nonIc = ['SBU NOFORN'];
  if (fdr === 'rel' || fdr === 'relrelido' || fdr === 'reldisplay') {
    m.relTo = rel();
    keys.add('REL TO');
  }
  if (fdr === 'relido' || fdr === 'relrelido') keys.add('RELIDO');
  if (fdr === 'display' || fdr === 'reldisplay') {
    m.displayOnly = sortReleaseList(['IRQ', ...some(r, ['AFG', 'KWT'], 0.5)]);
    keys.add('DISPLAY ONLY');
  }
  m.dissem = order(keys);
  return m;
}

function shuffle<T>(r: Rand, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('properties (seeded)', () => {
  const r = rng(20240611);
  const sets = Array.from({ length: 150 }, () => Array.from({ length: 1 + Math.floor(r() * 5) }, () => randomMarking(r)));

  it('every generated portion parses back to itself, valid, and renders the same banner', () => {
    for (const m of sets.flat()) {
      const text = renderMarking(m);
      const parsed = parseMarking(text);
      expect(parsed.errors, text).toEqual([]);
      expect(parsed.normalised, text).toBe(text);
      expect(renderMarking(parsed.marking!, 'banner'), text).toBe(renderMarking(m, 'banner'));
    }
  });

  it('roll-up is idempotent, commutative, and never lower than any portion', () => {
    for (const markings of sets) {
      const portions = markings.map((m) => renderMarking(m));
      const result = rollup(portions);
      expect(result.errors, portions.join(' ')).toEqual([]);
      const banner = result.banner!;
      expect(rollup([banner]).banner, portions.join(' ')).toBe(banner);
      expect(rollup([...portions, ...portions]).banner, portions.join(' ')).toBe(banner);
      expect(rollup(shuffle(r, portions)).banner, portions.join(' ')).toBe(banner);
      for (const p of portions) {
        expect(dominates(banner, p), `${banner} ≥ ${p}`).toBe(true);
        expect(levelRank(result.marking!.level)).toBeGreaterThanOrEqual(levelRank(parseMarking(p).marking!.level));
      }
    }
  });

  it('dominates is reflexive and transitive', () => {
    const pool = [...sets.slice(0, 40).flat(), ...sets.slice(0, 40).map((ms) => rollupMarkings(ms).marking!)].slice(0, 90);
    for (const m of pool) expect(dominates(m, m), renderMarking(m)).toBe(true);
    const dom = pool.map((a) => pool.map((b) => dominates(a, b)));
    let chains = 0;
    for (let i = 0; i < pool.length; i++) {
      for (let j = 0; j < pool.length; j++) {
        if (i === j || !dom[i]![j]) continue;
        for (let k = 0; k < pool.length; k++) {
          if (!dom[j]![k]) continue;
          chains += 1;
          if (!dom[i]![k]) expect.fail(`${renderMarking(pool[i]!)} ≥ ${renderMarking(pool[j]!)} ≥ ${renderMarking(pool[k]!)} but not ≥ the last`);
        }
      }
    }
    expect(chains).toBeGreaterThan(500);
  });
});
