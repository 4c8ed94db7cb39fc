/** The choice scorer: the letter the model picked must name the target choice. */
import { targetList } from '../../dataset/sample.js';
import { answerText } from '../answer-text.js';
import type { Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { quote } from '../text/normalize-text.js';
import { letterOf, readChoice, targetChoice } from './read-choice.js';

/** @example choiceScorer({ type: 'choice' }) */
export function choiceScorer(_spec: SpecOf<'choice'>): Scorer {
  return {
    name: 'choice',
    kind: 'binary',
    async score(state) {
      const text = answerText(state);
      const choices = state.choices ?? state.sample.choices ?? [];
      if (choices.length === 0) return { value: 0, answer: text, explanation: 'The sample has no choices; the choice scorer needs multiple-choice samples.' };
      const targets = targetList(state.sample);
      const wanted = [...new Set(targets.map((t) => targetChoice(t, choices)).filter((i): i is number => i !== undefined))];
      const show = (i: number): string => `${letterOf(i)} (${quote(choices[i]!, 80)})`;
      if (wanted.length === 0) {
        return { value: 0, answer: text, explanation: `No target names one of the ${choices.length} choices (targets: ${targets.map((t) => quote(t)).join(', ') || 'none'}).` };
      }
      const want = `target ${wanted.map(show).join(' or ')}`;
      const picked = readChoice(text, choices);
      if (!picked) return { value: 0, answer: text, explanation: `Could not read a choice letter from the answer ${quote(text)}; ${want}.` };
      const ok = wanted.includes(picked.index);
      return {
        value: ok ? 1 : 0,
        answer: letterOf(picked.index),
        explanation: `Model chose ${show(picked.index)}, ${picked.how}; ${want}: ${ok ? 'correct' : 'incorrect'}.`,
      };
    },
  };
}
