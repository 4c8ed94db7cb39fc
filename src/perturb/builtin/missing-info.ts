/** missing_info: the key fact is removed, so the right answer becomes "cannot be determined". */
import type { Sample } from '../../dataset/sample.js';
import type { Perturbation, PerturbResult } from '../perturbation.js';
import { rewriteSampleText, sampleText } from '../text-edits.js';

/** The target of a sample whose key fact was removed, unless its metadata `unanswerable_target` says otherwise. */
export const UNANSWERABLE_TARGET = 'cannot be determined';

/** The key facts a sample marks: metadata `key_fact`, one string or a list, each an exact substring of the prompt. */
export function keyFacts(sample: Sample): string[] {
  const raw = sample.metadata['key_fact'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((f): f is string => typeof f === 'string' && f.trim() !== '');
}

/** Removes the first occurrence of `fact`, joining what was before and after it with one space. */
function removeFact(text: string, fact: string): string {
  const at = text.indexOf(fact);
  const before = text.slice(0, at).replace(/[ \t]+$/, '');
  const after = text.slice(at + fact.length).replace(/^[ \t]+/, '');
  if (before === '' || after === '' || before.endsWith('\n') || after.startsWith('\n')) return before + after;
  return `${before} ${after}`;
}

/**
 * Removes every key fact from the prompt and sets the target to "cannot be determined" (or metadata
 * `unanswerable_target`). Multiple-choice samples need a choice with that text, which becomes the target.
 * Samples with no key fact, or whose key fact is not in the prompt, are skipped.
 */
export const missingInfoPerturbation: Perturbation = {
  name: 'missing_info',
  description: 'removes metadata `key_fact` from the prompt; the expected answer becomes "cannot be determined"',
  perturb(sample): PerturbResult {
    const facts = keyFacts(sample);
    if (facts.length === 0) return { ok: false, reason: 'no metadata "key_fact"' };
    const text = sampleText(sample);
    const absent = facts.find((f) => !text.includes(f));
    if (absent !== undefined) return { ok: false, reason: `key_fact "${absent}" is not in the prompt` };
    const custom = sample.metadata['unanswerable_target'];
    let target = typeof custom === 'string' && custom.trim() !== '' ? custom : UNANSWERABLE_TARGET;
    if (sample.choices) {
      const choice = sample.choices.find((c) => c.trim().toLowerCase() === target.trim().toLowerCase());
      if (choice === undefined) return { ok: false, reason: `no choice reads "${target}"` };
      target = choice;
    }
    const stripped = rewriteSampleText(sample, (t) => facts.reduce(removeFact, t));
    return { ok: true, sample: { ...stripped, target } };
  },
};
