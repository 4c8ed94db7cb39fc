/** The regex scorer: a pattern must match; with a capture group, the group must equal a target. */
import { targetList } from '../../dataset/sample.js';
import { AssayError } from '../../errors/index.js';
import { answerText } from '../answer-text.js';
import type { Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { normalizeText, quote } from '../text/normalize-text.js';

function compile(spec: SpecOf<'regex'>): RegExp {
  // `g` and `y` make exec stateful across samples; a scorer only needs the first match.
  const flags = spec.flags.replace(/[gy]/g, '');
  let re: RegExp;
  let groups: number;
  try {
    re = new RegExp(spec.pattern, flags);
    groups = new RegExp(`${spec.pattern}|`, flags).exec('')!.length - 1;
  } catch (err) {
    throw new AssayError('CONFIG_INVALID', `regex scorer: /${spec.pattern}/${spec.flags} is not a valid JavaScript regular expression: ${(err as Error).message}`, {
      cause: err,
      where: { field: 'scorers.pattern' },
      hint: 'Fix the pattern or flags; patterns use JavaScript syntax (escape backslashes in YAML/JSON).',
    });
  }
  if (spec.group > groups) {
    throw new AssayError('CONFIG_INVALID', `regex scorer: group ${spec.group} asked for, but /${spec.pattern}/ has ${groups} capture group(s).`, {
      where: { field: 'scorers.group' },
      hint: 'Use 0 for the whole match, or add a capture group with ( ).',
    });
  }
  return re;
}

/**
 * With `group` > 0 and targets, the captured group must equal a target (trimmed; case ignored with flag `i`);
 * otherwise any match passes.
 * @example regexScorer({ type: 'regex', pattern: 'ANSWER:\\s*(\\w+)', flags: 'i', group: 1 })
 */
export function regexScorer(spec: SpecOf<'regex'>): Scorer {
  const re = compile(spec);
  const ignoreCase = spec.flags.includes('i');
  const shown = `/${spec.pattern}/${spec.flags}`;
  return {
    name: 'regex',
    kind: 'binary',
    async score(state) {
      const text = answerText(state);
      const m = re.exec(text);
      if (!m) return { value: 0, answer: text, explanation: `Pattern ${shown} did not match the answer ${quote(text)}.` };
      const captured = m[spec.group];
      const targets = targetList(state.sample);
      if (spec.group === 0 || targets.length === 0) {
        return { value: 1, answer: captured ?? m[0], explanation: `Pattern ${shown} matched ${quote(m[0])}.` };
      }
      if (captured === undefined) {
        return { value: 0, answer: m[0], explanation: `Pattern ${shown} matched ${quote(m[0])} but group ${spec.group} captured nothing.` };
      }
      const c = normalizeText(captured, ignoreCase);
      const hit = targets.find((t) => normalizeText(t, ignoreCase) === c);
      return hit === undefined
        ? {
            value: 0,
            answer: captured,
            explanation: `Group ${spec.group} of ${shown} captured ${quote(captured)}, which equals no target (${targets.map((t) => quote(t)).join(', ')}).`,
          }
        : { value: 1, answer: captured, explanation: `Group ${spec.group} of ${shown} captured ${quote(captured)}, equal to target ${quote(hit)}.` };
    },
  };
}
