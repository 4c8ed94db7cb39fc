/** The built-in perturbations, by name: a typed const map over PERTURBATION_NAMES. */
import { casingPerturbation } from './builtin/casing.js';
import { contractPerturbation, expandPerturbation } from './builtin/contractions.js';
import { contradictoryContextPerturbation } from './builtin/contradictory-context.js';
import { distractorPerturbation } from './builtin/distractor.js';
import { irrelevantContextPerturbation } from './builtin/irrelevant-context.js';
import { mildMixPerturbation } from './builtin/mild-mix.js';
import { missingInfoPerturbation } from './builtin/missing-info.js';
import { ocrPerturbation } from './builtin/ocr-noise.js';
import { paraphrasePerturbation } from './builtin/paraphrase.js';
import { typosPerturbation } from './builtin/typos.js';
import { whitespacePerturbation } from './builtin/whitespace.js';
import type { PerturbationName } from './names.js';
import type { Perturbation } from './perturbation.js';

/**
 * Every perturbation, keyed by the name tasks use (`perturbations.names`, `--perturb`); each entry's `name` is its key.
 * @example PERTURBATIONS.typos.perturb(sample, { seed: variantSeed(0, 'typos', sample.id), rate: 0.1 })
 */
export const PERTURBATIONS: Readonly<Record<PerturbationName, Perturbation>> = {
  typos: typosPerturbation,
  casing: casingPerturbation,
  whitespace: whitespacePerturbation,
  contract: contractPerturbation,
  expand: expandPerturbation,
  mild_mix: mildMixPerturbation,
  distractor: distractorPerturbation,
  irrelevant_context: irrelevantContextPerturbation,
  contradictory_context: contradictoryContextPerturbation,
  missing_info: missingInfoPerturbation,
  ocr: ocrPerturbation,
  paraphrase: paraphrasePerturbation,
};
