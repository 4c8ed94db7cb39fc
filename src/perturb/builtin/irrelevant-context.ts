/** irrelevant_context: a paragraph of unrelated background before the prompt. */
import { seededShuffle } from '../../dataset/seeded-shuffle.js';
import { textPerturbation } from '../text-perturbation.js';
import { FILLER_SENTENCES } from './filler-sentences.js';

/** How many filler sentences make the paragraph. */
export const IRRELEVANT_SENTENCES = 3;

/** Prepends three distinct filler sentences (seeded) as a paragraph of their own. */
export const irrelevantContextPerturbation = textPerturbation({
  name: 'irrelevant_context',
  description: 'a paragraph of unrelated background sentences before the prompt',
  rewrite(text, { random }) {
    const paragraph = seededShuffle(FILLER_SENTENCES, Math.floor(random() * 2 ** 32)).slice(0, IRRELEVANT_SENTENCES).join(' ');
    return `${paragraph}\n\n${text}`;
  },
});
