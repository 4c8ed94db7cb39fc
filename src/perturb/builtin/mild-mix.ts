/** mild_mix: HELM's canonical robustness mix: lower case, contractions, extra spaces and typos, one after another. */
import type { Perturbation, PerturbResult } from '../perturbation.js';
import { variantSeed } from '../random.js';
import { casingPerturbation } from './casing.js';
import { contractPerturbation } from './contractions.js';
import { typosPerturbation } from './typos.js';
import { whitespacePerturbation } from './whitespace.js';

const STEPS = [casingPerturbation, contractPerturbation, whitespacePerturbation, typosPerturbation] as const;

/** casing → contract → whitespace → typos, each with its own seed derived from this one. */
export const mildMixPerturbation: Perturbation = {
  name: 'mild_mix',
  description: 'lower case, contractions, extra spaces and typos together (HELM mild_mix)',
  perturb(sample, { seed, rate }) {
    let result: PerturbResult = { ok: true, sample };
    for (const step of STEPS) {
      if (!result.ok) return result;
      result = step.perturb(result.sample, { seed: variantSeed(seed, step.name, sample.id), rate });
    }
    return result;
  },
};
