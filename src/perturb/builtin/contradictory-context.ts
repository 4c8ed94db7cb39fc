/** contradictory_context: a statement that contradicts the prompt (or its answer) placed before it. */
import { targetList } from '../../dataset/sample.js';
import type { Perturbation } from '../perturbation.js';
import { rewriteSampleText } from '../text-edits.js';

/** The generic contradiction, used when the sample's metadata has no `contradiction`. */
export function genericContradiction(target: string): string {
  return `Note: the answer to the following question is not ${target}.`;
}

/**
 * Prepends metadata `contradiction` (a sentence written to contradict the key fact) or, without it, a claim
 * that the answer is not the first target. The expected answer stays the same: the prompt itself still
 * decides. A sample with neither is skipped.
 */
export const contradictoryContextPerturbation: Perturbation = {
  name: 'contradictory_context',
  description: 'a statement contradicting the prompt (metadata `contradiction`, else "the answer is not <target>") before it',
  perturb(sample) {
    const given = sample.metadata['contradiction'];
    const first = targetList(sample)[0];
    const sentence = typeof given === 'string' && given.trim() !== '' ? given.trim() : first === undefined ? undefined : genericContradiction(first);
    if (sentence === undefined) return { ok: false, reason: 'no metadata "contradiction" and no target to contradict' };
    return { ok: true, sample: rewriteSampleText(sample, (text) => `${sentence}\n\n${text}`) };
  },
};
