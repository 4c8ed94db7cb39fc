/** The Perturbation seam: one deterministic rewrite of a sample (its prompt, sometimes its target). */
import type { Sample } from '../dataset/sample.js';

/** Options every perturbation gets; `seed` is already specific to the sample and perturbation. */
export interface PerturbOptions {
  seed: number;
  /** Share of units (words, spaces, characters) a noise perturbation touches, 0–1. */
  rate: number;
}

/** The perturbed sample, or why this sample cannot be perturbed this way (the sample is then skipped). */
export type PerturbResult = { ok: true; sample: Sample } | { ok: false; reason: string };

/**
 * A rewrite of a sample. The same sample, seed and rate always give the same result.
 * @example PERTURBATIONS.casing.perturb(sample, { seed: 1, rate: 0.1 })
 */
export interface Perturbation {
  readonly name: string;
  /** One line for `--help` and reports. */
  readonly description: string;
  perturb(sample: Sample, options: PerturbOptions): PerturbResult;
}
