/** Builds a Perturbation from a seeded text rewrite of the prompt (most perturbations are this). */
import { mulberry32 } from './random.js';
import type { Perturbation } from './perturbation.js';
import { rewriteSampleText } from './text-edits.js';

/** What a text rewrite gets: the seeded random source and the rate. */
export interface RewriteContext {
  random: () => number;
  rate: number;
}

/** A perturbation that rewrites the prompt text and leaves the target alone. */
export function textPerturbation(args: { name: string; description: string; rewrite: (text: string, ctx: RewriteContext) => string }): Perturbation {
  return {
    name: args.name,
    description: args.description,
    perturb(sample, { seed, rate }) {
      const random = mulberry32(seed);
      return { ok: true, sample: rewriteSampleText(sample, (text) => args.rewrite(text, { random, rate })) };
    },
  };
}
