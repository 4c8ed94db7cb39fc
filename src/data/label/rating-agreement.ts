/** Cohen's κ, Fleiss' κ and Krippendorff's α over units × raters (missing allowed), via src/stats/agreement.ts. */
import { cohensKappa, fleissKappa, krippendorffAlpha, type AlphaLevel, type Rating } from '../../stats/agreement.js';

/** A statistic with its sample size, or null with the reason it does not apply. */
export interface Statistic {
  value: number | null;
  /** Items it was computed over. */
  n: number;
  reason?: string;
}

export interface AgreementStats {
  /** Exactly two annotators: over the items both rated. */
  cohensKappa: Statistic & { raters?: [string, string]; weights: 'none' | 'quadratic' };
  /** Every item with two or more ratings must have the same number of them. */
  fleissKappa: Statistic & { ratersPerItem?: number };
  /** Any number of raters, missing values allowed; n counts the pairable items (two or more values). */
  krippendorffAlpha: Statistic & { level: AlphaLevel; values: number };
}

/** Ratings: item id → annotator → value. */
export type Units = ReadonlyMap<string, ReadonlyMap<string, Rating>>;

/**
 * The three statistics over `units`; `categories` fixes the category set (and order, for weighted κ).
 * @example agreementStats(units, ['yes', 'no'], { level: 'nominal' })
 */
export function agreementStats(units: Units, categories: readonly Rating[], options: { level: AlphaLevel; cohenWeights?: 'none' | 'quadratic' }): AgreementStats {
  const raters = [...new Set([...units.values()].flatMap((m) => [...m.keys()]))].sort();
  return { cohensKappa: cohen(units, raters, categories, options.cohenWeights ?? 'none'), fleissKappa: fleiss(units, categories), krippendorffAlpha: alpha(units, raters, options.level) };
}

function cohen(units: Units, raters: readonly string[], categories: readonly Rating[], weights: 'none' | 'quadratic'): AgreementStats['cohensKappa'] {
  if (raters.length !== 2) return { value: null, n: 0, weights, reason: `Cohen's κ needs exactly 2 annotators; this task has ${raters.length}` };
  const [x, y] = raters as [string, string];
  const pairs = [...units.values()].filter((m) => m.has(x) && m.has(y));
  const value = pairs.length === 0 ? null : cohensKappa(pairs.map((m) => m.get(x)!), pairs.map((m) => m.get(y)!), { weights, categories });
  return { value, n: pairs.length, raters: [x, y], weights, ...(value === null ? { reason: pairs.length === 0 ? 'no item rated by both' : 'undefined: chance agreement is perfect' } : {}) };
}

function fleiss(units: Units, categories: readonly Rating[]): AgreementStats['fleissKappa'] {
  const rated = [...units.values()].filter((m) => m.size >= 2);
  if (rated.length === 0) return { value: null, n: 0, reason: 'no item has two or more ratings' };
  const sizes = [...new Set(rated.map((m) => m.size))].sort((a, b) => a - b);
  if (sizes.length > 1) return { value: null, n: rated.length, reason: `Fleiss' κ needs the same number of ratings per item; items have ${sizes.join(', ')}` };
  const table = rated.map((m) => categories.map((c) => [...m.values()].filter((v) => v === c).length));
  const value = fleissKappa(table);
  return { value, n: rated.length, ratersPerItem: sizes[0], ...(value === null ? { reason: 'undefined: chance agreement is perfect' } : {}) };
}

function alpha(units: Units, raters: readonly string[], level: AlphaLevel): AgreementStats['krippendorffAlpha'] {
  const ids = [...units.keys()];
  const data = raters.map((r) => ids.map((id) => units.get(id)!.get(r) ?? null));
  const pairable = [...units.values()].filter((m) => m.size >= 2);
  const value = krippendorffAlpha(data, { level });
  return { value, level, n: pairable.length, values: pairable.reduce((s, m) => s + m.size, 0), ...(value === null ? { reason: pairable.length === 0 ? 'no item has two or more ratings' : 'undefined: no expected disagreement' } : {}) };
}
