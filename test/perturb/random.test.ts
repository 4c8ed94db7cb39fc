// Seeds and site picking: the randomness every perturbation and converter is built on.
import { describe, expect, it } from 'vitest';
import { mulberry32, pickSites, variantSeed } from '../../src/perturb/random.js';
import { applyEdits } from '../../src/perturb/text-edits.js';

describe('variantSeed', () => {
  it('is a 32-bit number fixed by (seed, name, id) and changed by any of them', () => {
    const s = variantSeed(0, 'typos', 'q1');
    expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(variantSeed(0, 'typos', 'q1')).toBe(s);
    expect(new Set([s, variantSeed(1, 'typos', 'q1'), variantSeed(0, 'casing', 'q1'), variantSeed(0, 'typos', 'q2')]).size).toBe(4);
    // No ambiguity between the parts: ("a", "bc") and ("ab", "c") differ.
    expect(variantSeed(0, 'a', 'bc')).not.toBe(variantSeed(0, 'ab', 'c'));
  });
});

describe('pickSites', () => {
  it('picks nothing at rate 0 or with no units, everything at rate 1', () => {
    expect(pickSites(5, 0, mulberry32(1))).toEqual([]);
    expect(pickSites(0, 0.5, mulberry32(1))).toEqual([]);
    expect(pickSites(5, 1, mulberry32(1))).toEqual([0, 1, 2, 3, 4]);
  });

  it('always picks at least one unit when the rate is above 0', () => {
    for (let seed = 0; seed < 20; seed++) expect(pickSites(10, 1e-12, mulberry32(seed))).toHaveLength(1);
  });

  it('picks about `rate` of the units', () => {
    const picked = pickSites(10_000, 0.1, mulberry32(3)).length;
    expect(picked).toBeGreaterThan(900);
    expect(picked).toBeLessThan(1100);
  });
});

describe('applyEdits', () => {
  it('applies edits from the right; an edit overlapping one already applied (further right) is dropped', () => {
    expect(applyEdits('abcdef', [{ start: 0, end: 1, insert: 'X' }, { start: 3, end: 3, insert: '-' }, { start: 4, end: 6, insert: 'Y' }])).toBe('Xbc-dY');
    expect(applyEdits('abcdef', [{ start: 1, end: 3, insert: '1' }, { start: 2, end: 4, insert: '2' }])).toBe('ab2ef');
  });
});
