/** distractor: one off-topic sentence slipped in between the prompt's sentences. */
import { pickOne } from '../random.js';
import { textPerturbation } from '../text-perturbation.js';
import { FILLER_SENTENCES, splitSentences } from './filler-sentences.js';

/** Inserts one filler sentence at a seeded sentence boundary (start, between sentences, or end). */
export const distractorPerturbation = textPerturbation({
  name: 'distractor',
  description: 'one irrelevant sentence inserted at a sentence boundary',
  rewrite(text, { random }) {
    const sentences = splitSentences(text);
    const filler = pickOne(FILLER_SENTENCES, random);
    const at = Math.floor(random() * (sentences.length + 1));
    if (at === 0) return `${filler} ${text}`;
    if (at === sentences.length) return `${text} ${filler}`;
    return [...sentences.slice(0, at), ` ${filler}`, ...sentences.slice(at)].join('');
  },
});
