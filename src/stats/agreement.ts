/** Agreement between raters (a judge and humans, or annotators): accuracy, Cohen's κ, Fleiss' κ, Krippendorff's α. */
import { AssayError } from '../errors/index.js';

/** One rater's value for one item: a category, or a number for ordinal, interval and ratio data. */
export type Rating = string | number;

/** Levels of measurement for Krippendorff's α; each picks the distance between two values. */
export const ALPHA_LEVELS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type AlphaLevel = (typeof ALPHA_LEVELS)[number];

/**
 * Share of items on which two raters agree; null with no items.
 * @example accuracy(['a', 'b', 'b'], ['a', 'b', 'a']) // 2/3
 */
export function accuracy(a: readonly Rating[], b: readonly Rating[]): number | null {
  checkPaired(a, b, 'accuracy');
  return a.length === 0 ? null : a.filter((x, i) => x === b[i]).length / a.length;
}

/** Options for Cohen’s κ. */
export interface CohensKappaOptions {
  /** Disagreement weights for ordered categories; 'none' (default) is the plain κ. */
  weights?: 'none' | 'linear' | 'quadratic';
  /** Category order (needed for weights when categories are not numbers); default: numbers ascending, else first seen. */
  categories?: readonly Rating[];
}

/**
 * Cohen's κ for two raters: (p_o − p_e) / (1 − p_e), or 1 − Σw·o / Σw·e when weighted. Null when it is
 * undefined: no items, or chance agreement is already perfect (both raters used one category).
 * @example cohensKappa(['y', 'y', 'n', 'n'], ['y', 'n', 'n', 'n']) // 0.5
 */
export function cohensKappa(a: readonly Rating[], b: readonly Rating[], options: CohensKappaOptions = {}): number | null {
  checkPaired(a, b, 'cohensKappa');
  const n = a.length;
  const cats = orderCategories(options.categories ?? [...a, ...b]);
  const k = cats.length;
  if (n === 0 || k < 2) return null;
  const index = new Map(cats.map((c, i) => [c, i]));
  const observed = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const r = indexOf(index, a[i]!, 'cohensKappa');
    const c = indexOf(index, b[i]!, 'cohensKappa');
    observed[r]![c]! += 1 / n;
    rows[r]! += 1 / n;
    cols[c]! += 1 / n;
  }
  const weights = options.weights ?? 'none';
  const w = (i: number, j: number): number => (weights === 'none' ? (i === j ? 0 : 1) : weights === 'linear' ? Math.abs(i - j) / (k - 1) : ((i - j) / (k - 1)) ** 2);
  let disagreeObserved = 0;
  let disagreeExpected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      disagreeObserved += w(i, j) * observed[i]![j]!;
      disagreeExpected += w(i, j) * rows[i]! * cols[j]!;
    }
  }
  return disagreeExpected <= 1e-15 ? null : 1 - disagreeObserved / disagreeExpected;
}

/**
 * Fleiss' κ for many raters: `table[item][category]` counts the raters who put the item in the category; every
 * item must have the same number of raters (≥ 2). Null when chance agreement is perfect or there are no items.
 * @example fleissKappa([[2, 0], [0, 2], [1, 1]]) // 1/3
 */
export function fleissKappa(table: readonly (readonly number[])[]): number | null {
  if (table.length === 0) return null;
  const raters = sum(table[0]!);
  const width = table[0]!.length;
  for (const [i, row] of table.entries()) {
    if (row.length !== width || sum(row) !== raters || row.some((x) => !Number.isInteger(x) || x < 0)) {
      throw usage(`fleissKappa: row ${i} is ${JSON.stringify(row)}; every row needs ${width} non-negative counts summing to ${raters}.`);
    }
  }
  if (raters < 2) throw usage('fleissKappa: each item needs at least two ratings.');
  const items = table.length;
  const agreement = table.map((row) => (sum(row.map((x) => x * x)) - raters) / (raters * (raters - 1)));
  const pBar = sum(agreement) / items;
  const pj = Array.from({ length: width }, (_, j) => sum(table.map((row) => row[j]!)) / (items * raters));
  const pe = sum(pj.map((p) => p * p));
  return pe >= 1 - 1e-15 ? null : (pBar - pe) / (1 - pe);
}

/**
 * Krippendorff's α from reliability data `data[rater][unit]` (null or undefined = missing), via the coincidence
 * matrix: α = 1 − D_o / D_e. Units with fewer than two values are not pairable and are left out. Ordinal, interval
 * and ratio levels need numbers. Null when undefined (fewer than two pairable values, or no expected disagreement).
 * @example krippendorffAlpha([[1, 2, 3], [1, 2, 4]], { level: 'interval' })
 */
export function krippendorffAlpha(data: readonly (readonly (Rating | null | undefined)[])[], options: { level?: AlphaLevel } = {}): number | null {
  const level = options.level ?? 'nominal';
  const unitCount = Math.max(0, ...data.map((row) => row.length));
  const units: Rating[][] = [];
  for (let u = 0; u < unitCount; u++) {
    const values = data.map((row) => row[u]).filter((v): v is Rating => v !== null && v !== undefined);
    if (level !== 'nominal' && values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
      throw usage(`krippendorffAlpha: unit ${u} has a non-numeric value; the ${level} level needs numbers.`, 'Use level "nominal" for categories.');
    }
    if (values.length >= 2) units.push(values);
  }
  const cats = orderCategories(units.flat());
  const index = new Map(cats.map((c, i) => [c, i]));
  const k = cats.length;
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const values of units) {
    const counts = new Array<number>(k).fill(0);
    for (const v of values) counts[index.get(v)!]! += 1;
    const m = values.length;
    for (let c = 0; c < k; c++) {
      if (counts[c] === 0) continue;
      for (let d = 0; d < k; d++) o[c]![d]! += (counts[c]! * (c === d ? counts[d]! - 1 : counts[d]!)) / (m - 1);
    }
  }
  const nc = o.map((row) => sum(row));
  const n = sum(nc);
  if (n < 2) return null;
  const delta = distance(level, cats as number[], nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const dd = delta(c, d);
      observed += o[c]![d]! * dd;
      expected += (nc[c]! * nc[d]! * dd) / (n - 1);
    }
  }
  return expected <= 1e-15 ? null : 1 - observed / expected;
}

/** The squared distance δ²(c, d) between category indices for a level (cats sorted ascending unless nominal). */
function distance(level: AlphaLevel, cats: number[], nc: number[]): (c: number, d: number) => number {
  switch (level) {
    case 'nominal':
      return (c, d) => (c === d ? 0 : 1);
    case 'interval':
      return (c, d) => (cats[c]! - cats[d]!) ** 2;
    case 'ratio':
      return (c, d) => (cats[c]! + cats[d]! === 0 ? 0 : ((cats[c]! - cats[d]!) / (cats[c]! + cats[d]!)) ** 2);
    case 'ordinal':
      return (c, d) => {
        const [lo, hi] = c < d ? [c, d] : [d, c];
        let between = 0;
        for (let g = lo; g <= hi; g++) between += nc[g]!;
        return (between - (nc[c]! + nc[d]!) / 2) ** 2;
      };
  }
}

/** Distinct values: numbers ascending when all are numbers, else in first-seen order. */
function orderCategories(values: readonly Rating[]): Rating[] {
  const distinct = [...new Set(values)];
  return distinct.every((v) => typeof v === 'number') ? (distinct as number[]).sort((x, y) => x - y) : distinct;
}

function indexOf(index: Map<Rating, number>, v: Rating, fn: string): number {
  const i = index.get(v);
  if (i === undefined) throw usage(`${fn}: ${JSON.stringify(v)} is not one of the given categories.`);
  return i;
}

function checkPaired(a: readonly Rating[], b: readonly Rating[], fn: string): void {
  if (a.length !== b.length) throw usage(`${fn}: ${a.length} ratings from the first rater but ${b.length} from the second.`, 'Pair the ratings by item first.');
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

function usage(message: string, hint?: string): AssayError {
  return new AssayError('USAGE', message, { hint });
}
