/** The match scorer: a target at the beginning, the end, anywhere in, or as the whole of the answer. */
import { targetList } from '../../dataset/sample.js';
import { answerText } from '../answer-text.js';
import type { Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { normalizeText, quote, stripEdgePunctuation } from '../text/normalize-text.js';
import { isBoundary } from '../text/word-boundary.js';

type Location = SpecOf<'match'>['location'];

const VERB: Record<Location, string> = {
  begin: 'begin with',
  end: 'end with',
  any: 'contain',
  exact: 'equal',
};

/** Whether `target` sits at `location` in `answer`, on word boundaries (so "4" does not match "42"). */
export function matchesAt(answer: string, target: string, location: Location): boolean {
  if (target === '') return false;
  switch (location) {
    case 'exact':
      return answer === target;
    case 'begin':
      return answer.startsWith(target) && isBoundary(answer, target.length);
    case 'end':
      return answer.endsWith(target) && isBoundary(answer, answer.length - target.length);
    case 'any':
      for (let i = answer.indexOf(target); i >= 0; i = answer.indexOf(target, i + 1)) {
        if (isBoundary(answer, i) && isBoundary(answer, i + target.length)) return true;
      }
      return false;
  }
}

/** @example matchScorer({ type: 'match', location: 'end', ignoreCase: true }) */
export function matchScorer(spec: SpecOf<'match'>): Scorer {
  const norm = (s: string): string => stripEdgePunctuation(normalizeText(s, spec.ignoreCase));
  const how = `ignoring punctuation at the edges${spec.ignoreCase ? ' and case' : ''}`;
  return {
    name: 'match',
    kind: 'binary',
    async score(state) {
      const answer = answerText(state);
      const targets = targetList(state.sample);
      if (targets.length === 0) return { value: 0, answer, explanation: 'The sample has no target to compare with.' };
      const a = norm(answer);
      const hit = targets.find((t) => matchesAt(a, norm(t), spec.location));
      return hit === undefined
        ? {
            value: 0,
            answer,
            explanation: `Answer ${quote(answer)} does not ${VERB[spec.location]} any target (${targets.map((t) => quote(t)).join(', ')}), ${how}.`,
          }
        : { value: 1, answer, explanation: `Answer ${quote(answer)} ${VERB[spec.location].replace(/^(\w+)/, '$1s')} target ${quote(hit)}, ${how}.` };
    },
  };
}
