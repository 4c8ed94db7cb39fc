/** Seeded randomness for perturbations and converters: a per-sample seed and "which units to touch". */
import { createHash } from 'node:crypto';
import { mulberry32 } from '../dataset/seeded-shuffle.js';

export { mulberry32 };

/**
 * A 32-bit seed for one (task seed, variant name, sample id): independent of sample order, so a resumed or
 * re-limited run makes exactly the same variants.
 * @example variantSeed(0, 'typos', 'q01')
 */
export function variantSeed(seed: number, name: string, sampleId: string): number {
  return createHash('sha256').update(`${seed}\0${name}\0${sampleId}`).digest().readUInt32LE(0);
}

/**
 * Indices (ascending) of the `count` units to change: each with probability `rate`, and at least one when
 * `rate` > 0 and there is any unit, so a short prompt is never left untouched.
 */
export function pickSites(count: number, rate: number, random: () => number): number[] {
  if (count === 0 || rate <= 0) return [];
  const picked: number[] = [];
  for (let i = 0; i < count; i++) if (random() < rate) picked.push(i);
  if (picked.length === 0) picked.push(Math.floor(random() * count));
  return picked;
}

/** One element of `items`, chosen by `random`. */
export function pickOne<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}
