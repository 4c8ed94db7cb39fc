/** The perturbation names, as a closed set: the task schema and the PERTURBATIONS map both derive from it. */

export const PERTURBATION_NAMES = [
  'typos',
  'casing',
  'whitespace',
  'contract',
  'expand',
  'mild_mix',
  'distractor',
  'irrelevant_context',
  'contradictory_context',
  'missing_info',
  'ocr',
  'paraphrase',
] as const;
export type PerturbationName = (typeof PERTURBATION_NAMES)[number];

/** The metadata value originals carry under `perturbation` (and `converter`) when variants are made. */
export const ORIGINAL_VARIANT = 'none';

/** True when `name` is a perturbation name. */
export function isPerturbationName(name: string): name is PerturbationName {
  return (PERTURBATION_NAMES as readonly string[]).includes(name);
}
