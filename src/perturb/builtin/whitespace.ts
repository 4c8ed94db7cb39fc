/** whitespace: extra spaces, a tab or a line break where the prompt has a single space (HELM's extra space). */
import { pickOne, pickSites } from '../random.js';
import { applyEdits } from '../text-edits.js';
import { textPerturbation } from '../text-perturbation.js';

/** What a chosen single space becomes. */
export const WHITESPACE_RUNS = ['  ', '   ', '    ', '\t', '\n'] as const;

/** A share `rate` of single spaces (at least one) become 2–4 spaces, a tab or a line break. */
export const whitespacePerturbation = textPerturbation({
  name: 'whitespace',
  description: 'a share `rate` of spaces become runs of spaces, tabs or line breaks',
  rewrite(text, { random, rate }) {
    const spaces = [...text.matchAll(/(?<! ) (?! )/g)];
    const edits = pickSites(spaces.length, rate, random).map((i) => ({ start: spaces[i]!.index, end: spaces[i]!.index + 1, insert: pickOne(WHITESPACE_RUNS, random) }));
    return applyEdits(text, edits);
  },
});
