/** The includes scorer: the answer contains a target anywhere. */
import { targetList } from '../../dataset/sample.js';
import { answerText } from '../answer-text.js';
import type { Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { normalizeText, quote } from '../text/normalize-text.js';

/** @example includesScorer({ type: 'includes', ignoreCase: true }) */
export function includesScorer(spec: SpecOf<'includes'>): Scorer {
  const how = `whitespace collapsed${spec.ignoreCase ? ', ignoring case' : ''}`;
  return {
    name: 'includes',
    kind: 'binary',
    async score(state) {
      const answer = answerText(state);
      const targets = targetList(state.sample).filter((t) => t.trim() !== '');
      if (targets.length === 0) return { value: 0, answer, explanation: 'The sample has no target to compare with.' };
      const a = normalizeText(answer, spec.ignoreCase);
      const hit = targets.find((t) => a.includes(normalizeText(t, spec.ignoreCase)));
      return hit === undefined
        ? { value: 0, answer, explanation: `Answer ${quote(answer)} contains none of the targets (${targets.map((t) => quote(t)).join(', ')}), ${how}.` }
        : { value: 1, answer, explanation: `Answer contains target ${quote(hit)}, ${how}.` };
    },
  };
}
