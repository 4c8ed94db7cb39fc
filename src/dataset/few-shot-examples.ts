/** Picks worked examples for few-shot prompting, deterministically. */
import type { Sample } from './sample.js';
import { seededShuffle } from './seeded-shuffle.js';

export interface FewShotOptions {
  k: number;
  seed: number;
  /** Samples never to use as examples (e.g. the ones being evaluated). */
  excludeIds?: Iterable<string>;
}

/**
 * k examples from `samples`, the same ones for the same seed; fewer when the pool is smaller.
 * @example fewShotExamples(train.samples, { k: 3, seed: 0 })
 */
export function fewShotExamples(samples: readonly Sample[], options: FewShotOptions): Sample[] {
  const excluded = new Set(options.excludeIds ?? []);
  const pool = samples.filter((s) => !excluded.has(s.id));
  return seededShuffle(pool, options.seed).slice(0, Math.max(0, options.k));
}
