/** The model_graded scorer: a judge model grades the answer against a rubric and the reference. */
import { randomUUID } from 'node:crypto';
import { targetList, type Sample } from '../../dataset/sample.js';
import { AssayError } from '../../errors/index.js';
import { answerText } from '../answer-text.js';
import type { Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { judgePrompt, parseGrade } from './judge-prompt.js';

function questionText(input: Sample['input']): string {
  return typeof input === 'string' ? input : input.map((m) => `[${m.role}]\n${m.content}`).join('\n\n');
}

function checkGrades(grades: readonly string[]): void {
  const bad = grades.find((g) => !/^[^\s*_`"')\].,;!]+$/.test(g));
  if (bad !== undefined || new Set(grades).size !== grades.length) {
    throw new AssayError('CONFIG_INVALID', `model_graded scorer: grades ${JSON.stringify(grades)} must be distinct single words without punctuation.`, {
      where: { field: 'scorers.grades' },
      hint: 'Use e.g. ["I", "P", "C"] or ["FAIL", "PASS"].',
    });
  }
}

/**
 * Score = index of the judge's grade / (grades − 1); an unreadable verdict scores 0 with `judgeUnparsed`.
 * @example modelGradedScorer({ type: 'model_graded', rubric: 'Correct capital city?', role: 'judge', grades: ['I', 'C'] })
 */
export function modelGradedScorer(spec: SpecOf<'model_graded'>): Scorer {
  checkGrades(spec.grades);
  const scale = `grades ${spec.grades.join(' < ')}`;
  return {
    name: 'model_graded',
    kind: spec.grades.length === 2 ? 'binary' : 'continuous',
    async score(state, ctx) {
      const answer = answerText(state);
      const nonce = randomUUID();
      const prompt = judgePrompt({
        question: questionText(state.sample.input),
        answer,
        targets: targetList(state.sample),
        rubric: spec.rubric,
        grades: spec.grades,
        nonce,
      });
      const out = await ctx.generate([{ role: 'user', content: prompt }], { role: spec.role, signal: ctx.signal });
      const reply = out.text;
      const parsed = parseGrade(reply, spec.grades);
      if (parsed.index === undefined) {
        const why = parsed.grade === undefined ? 'no "GRADE: <grade>" line' : `grade ${JSON.stringify(parsed.grade)} is not one of ${spec.grades.join(', ')}`;
        return {
          value: 0,
          answer,
          explanation: `Could not read the judge's verdict (${why}); scored 0.\n\nJudge reply:\n${reply}`,
          metadata: { judgeUnparsed: true, judgeReply: reply, judgeRole: spec.role, nonce },
        };
      }
      const value = parsed.index / (spec.grades.length - 1);
      return {
        value,
        answer,
        explanation: `Judge (${spec.role}) gave grade ${parsed.grade} → ${value} (${scale}).\n\nJudge reply:\n${reply}`,
        metadata: { grade: parsed.grade, judgeReply: reply, judgeRole: spec.role, nonce },
      };
    },
  };
}
