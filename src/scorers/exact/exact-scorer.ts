/** The exact scorer: the whole answer equals a target (trimmed, whitespace collapsed, case optional). */
import { targetList } from '../../dataset/sample.js';
import { answerText } from '../answer-text.js';
import type { Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { normalizeText, quote } from '../text/normalize-text.js';

/** @example exactScorer({ type: 'exact', ignoreCase: true }) */
export function exactScorer(spec: SpecOf<'exact'>): Scorer {
  const how = `after trimming and collapsing whitespace${spec.ignoreCase ? ', ignoring case' : ''}`;
  return {
    name: 'exact',
    kind: 'binary',
    async score(state) {
      const answer = answerText(state);
      const targets = targetList(state.sample);
      if (targets.length === 0) return { value: 0, answer, explanation: 'The sample has no target to compare with.' };
      const a = normalizeText(answer, spec.ignoreCase);
      const hit = targets.find((t) => normalizeText(t, spec.ignoreCase) === a);
      return hit === undefined
        ? { value: 0, answer, explanation: `Answer ${quote(answer)} does not equal any target (${targets.map((t) => quote(t)).join(', ')}) ${how}.` }
        : { value: 1, answer, explanation: `Answer equals target ${quote(hit)} ${how}.` };
    },
  };
}
