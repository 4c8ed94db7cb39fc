import { describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import { accuracy, cohensKappa, fleissKappa, krippendorffAlpha } from './agreement.js';

const rep = <T>(x: T, n: number): T[] => new Array<T>(n).fill(x);

describe('accuracy and Cohen’s κ', () => {
  // 50 items: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no (data-engine.md §2.3).
  const a = [...rep('yes', 25), ...rep('no', 25)];
  const b = [...rep('yes', 20), ...rep('no', 5), ...rep('yes', 10), ...rep('no', 15)];

  it('matches the worked 2×2 example: p_o = 0.7, p_e = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.2 / 0.5 = 0.4', () => {
    expect(accuracy(a, b)).toBeCloseTo(35 / 50, 12);
    expect(cohensKappa(a, b)).toBeCloseTo((0.7 - 0.5) / (1 - 0.5), 12);
  });

  it('is 1 for perfect agreement, 0 at chance, and null when undefined', () => {
    expect(cohensKappa(['a', 'b', 'c'], ['a', 'b', 'c'])).toBeCloseTo(1, 12);
    // p_o = 0.5, marginals 0.5/0.5 on both sides → p_e = 0.5 → κ = 0.
    expect(cohensKappa(['y', 'y', 'n', 'n'], ['y', 'n', 'y', 'n'])).toBeCloseTo(0, 12);
    expect(cohensKappa(['y', 'y'], ['y', 'y'])).toBeNull();
    expect(cohensKappa([], [])).toBeNull();
    expect(accuracy([], [])).toBeNull();
  });

  it('weights disagreements on ordered categories', () => {
    // Pairs (1,1), (2,3), (2,2), (3,1); rows r = (1/4, 1/2, 1/4), columns c = (1/2, 1/4, 1/4).
    const r1 = [1, 2, 2, 3];
    const r2 = [1, 3, 2, 1];
    // Linear w = |i − j|/2: Σw·o = (1/2 + 1)/4 = 0.375; Σw·r·c = 1/32 + 1/16 + 1/8 + 1/16 + 1/8 + 1/32 = 0.4375 → κ = 1/7.
    expect(cohensKappa(r1, r2, { weights: 'linear' })).toBeCloseTo(1 - 0.375 / 0.4375, 12);
    // Quadratic w = ((i − j)/2)²: Σw·o = (1/4 + 1)/4 = 0.3125; Σw·r·c = 1/64 + 1/16 + 1/16 + 1/32 + 1/8 + 1/64 = 0.3125 → κ = 0.
    expect(cohensKappa(r1, r2, { weights: 'quadratic' })).toBeCloseTo(0, 12);
    expect(cohensKappa([1, 2, 3], [1, 2, 3], { weights: 'quadratic' })).toBeCloseTo(1, 12);
  });

  it('rejects unpaired lists and values outside the given categories', () => {
    expect(() => cohensKappa(['a'], ['a', 'b'])).toThrow(AssayError);
    expect(() => cohensKappa(['a'], ['z'], { categories: ['a', 'b'] })).toThrow(/not one of the given categories/);
  });
});

describe('Fleiss’ κ', () => {
  it('matches the standard 10-subject × 14-rater × 5-category table (κ = 0.2099)', () => {
    const table = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    // By hand: Σ_j n_ij² per row = 196, 60, 70, 94, 74, 98, 58, 46, 66, 66 (total 828), so
    // P̄ = (828 − 10·14) / (10·14·13) = 688/1820; column totals (20, 28, 39, 21, 32) give P̄_e = Σ(total/140)².
    const pBar = 688 / 1820;
    const pe = (20 ** 2 + 28 ** 2 + 39 ** 2 + 21 ** 2 + 32 ** 2) / 140 ** 2;
    expect(fleissKappa(table)).toBeCloseTo((pBar - pe) / (1 - pe), 12);
    expect(fleissKappa(table)).toBeCloseTo(0.2099, 4);
  });

  it('is 1 for unanimous items over two categories and null when only one category is used', () => {
    expect(fleissKappa([[3, 0], [0, 3]])).toBeCloseTo(1, 12);
    expect(fleissKappa([[3, 0], [3, 0]])).toBeNull();
    expect(fleissKappa([])).toBeNull();
  });

  it('rejects rows with different rater counts', () => {
    expect(() => fleissKappa([[2, 0], [1, 2]])).toThrow(/summing to 2/);
  });
});

describe('Krippendorff’s α', () => {
  // Krippendorff's 4-coder × 12-unit example (Computing Krippendorff's Alpha-Reliability, 2011); null = missing.
  const _ = null;
  const data = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];
  // Coincidence matrix by hand (unit 12 has one value and drops out): n_c = (9, 13, 10, 5, 3), n = 40; off-diagonal
  // o_12 = o_23 = 4/3, o_13 = o_14 = o_24 = o_34 = 1/3 (each counted both ways).
  const nc = [9, 13, 10, 5, 3];

  it('nominal: 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k = 1 − 39·8 / (1600 − 384) ≈ 0.743', () => {
    const offDiagonal = 2 * (4 / 3 + 1 / 3 + 1 / 3 + 4 / 3 + 1 / 3 + 1 / 3);
    const expectedPairs = 40 * 40 - nc.reduce((s, x) => s + x * x, 0);
    expect(krippendorffAlpha(data)).toBeCloseTo(1 - (39 * offDiagonal) / expectedPairs, 12);
    expect(krippendorffAlpha(data, { level: 'nominal' })).toBeCloseTo(0.743, 3);
  });

  it('interval: 1 − 39·(52/3) / 4480 ≈ 0.849', () => {
    // Σ o_ck (c − k)² = 2·(4/3·1 + 1/3·4 + 1/3·9 + 4/3·1 + 1/3·4 + 1/3·1) = 52/3; Σ n_c n_k (c − k)² = 2·2240.
    expect(krippendorffAlpha(data, { level: 'interval' })).toBeCloseTo(1 - (39 * (52 / 3)) / 4480, 12);
    expect(krippendorffAlpha(data, { level: 'interval' })).toBeCloseTo(0.849, 3);
  });

  it('ordinal and ratio match the published values (0.815, 0.797)', () => {
    expect(krippendorffAlpha(data, { level: 'ordinal' })).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(data, { level: 'ratio' })).toBeCloseTo(0.797, 3);
  });

  it('agrees with Cohen-style edge cases: perfect agreement is 1, one value only is null, non-numbers need nominal', () => {
    expect(krippendorffAlpha([['a', 'b', 'a'], ['a', 'b', 'a']])).toBeCloseTo(1, 12);
    expect(krippendorffAlpha([['a', 'a'], ['a', 'a']])).toBeNull();
    expect(krippendorffAlpha([['a'], [null]])).toBeNull();
    expect(() => krippendorffAlpha([['a'], ['b']], { level: 'interval' })).toThrow(/needs numbers/);
  });

  it('two raters, nominal, no missing data', () => {
    // 4 items, raters agree on 2: coincidences o_aa = o_bb = o_ab = o_ba = 2, n = 8 values, n_a = n_b = 4:
    // α = 1 − 7·(o_ab + o_ba)/(64 − 4² − 4²) = 1 − 28/32 = 0.125.
    expect(krippendorffAlpha([['a', 'a', 'b', 'b'], ['a', 'b', 'a', 'b']])).toBeCloseTo(0.125, 12);
  });
});
