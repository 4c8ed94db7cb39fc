/** The numeric scorer: the model's number equals a target number within an absolute or relative tolerance. */
import { targetList } from '../../dataset/sample.js';
import { answerText } from '../answer-text.js';
import type { Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { quote } from '../text/normalize-text.js';
import { extractNumber } from './extract-number.js';

/** @example numericScorer({ type: 'numeric', tolerance: 0.01, relative: true }) */
export function numericScorer(spec: SpecOf<'numeric'>): Scorer {
  return {
    name: 'numeric',
    kind: 'binary',
    async score(state) {
      const text = answerText(state);
      const targets = targetList(state.sample);
      if (targets.length === 0) return { value: 0, answer: text, explanation: 'The sample has no target to compare with.' };
      const got = extractNumber(text);
      if (!got) return { value: 0, answer: text, explanation: `No number found in the answer ${quote(text)}.` };
      const parsed = targets.map((t) => ({ target: t, n: extractNumber(t) }));
      const usable = parsed.filter((p) => p.n !== undefined);
      if (usable.length === 0) {
        return { value: 0, answer: got.text, explanation: `No target is a number (${targets.map((t) => quote(t)).join(', ')}).` };
      }
      const read = `Model answered ${got.value} (read ${got.source} from ${quote(got.text)})`;
      const checks = usable.map(({ n }) => {
        const t = n!.value;
        const diff = Math.abs(got.value - t);
        const allowed = spec.relative ? spec.tolerance * Math.abs(t) : spec.tolerance;
        return { t, diff, allowed, ok: diff <= allowed };
      });
      const hit = checks.find((c) => c.ok);
      const bound = spec.relative ? `relative tolerance ${spec.tolerance} × |target|` : `tolerance ${spec.tolerance}`;
      const meta = { answerNumber: got.value, targets: checks.map((c) => c.t) };
      if (hit) {
        return { value: 1, answer: got.text, metadata: meta, explanation: `${read}; target ${hit.t}; |difference| ${hit.diff} ≤ ${hit.allowed} (${bound}): correct.` };
      }
      const detail = checks.map((c) => `target ${c.t}: |difference| ${c.diff} > ${c.allowed}`).join('; ');
      return { value: 0, answer: got.text, metadata: meta, explanation: `${read}; ${detail} (${bound}): incorrect.` };
    },
  };
}
