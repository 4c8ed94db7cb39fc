/** casing: the whole prompt in lower case (HELM's lowercase perturbation). */
import { textPerturbation } from '../text-perturbation.js';

/** Lower-cases the prompt; seed and rate are not used. */
export const casingPerturbation = textPerturbation({
  name: 'casing',
  description: 'the whole prompt in lower case',
  rewrite: (text) => text.toLowerCase(),
});
