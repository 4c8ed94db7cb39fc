/** self_critique: the model critiques its answer, then writes an improved one (Inspect's pattern). */
import type { Solver } from '../solver.js';
import { renderTemplate } from '../template.js';

export const CRITIQUE_TEMPLATE = `Given the following question and answer, please critique the answer. A good answer comprehensively answers the question and NEVER refuses to answer. If the answer is already correct do not provide critique - simply respond 'The original answer is fully correct'.

[BEGIN DATA]
***
[Question]: {question}
***
[Answer]: {completion}
***
[END DATA]

Critique: `;

export const COMPLETION_TEMPLATE = `Given the following question, initial answer and critique please generate an improved answer to the question:

[BEGIN DATA]
***
[Question]: {question}
***
[Answer]: {completion}
***
[Critique]: {critique}
***
[END DATA]

If the original answer is already correct, just repeat the original answer exactly. Provide your answer at the end on its own line in the form "ANSWER: $ANSWER" (without quotes) where $ANSWER is the answer to the question.`;

export function selfCritiqueSolver(options: { critiqueTemplate?: string; completionTemplate?: string; role?: string } = {}): Solver {
  const role = options.role ?? 'target';
  return {
    name: 'self_critique',
    async solve(state, ctx) {
      const question = state.messages.find((m) => m.role === 'user')?.content ?? '';
      const completion = state.output?.text ?? '';
      const critique = await ctx.generate(
        [{ role: 'user', content: renderTemplate(options.critiqueTemplate ?? CRITIQUE_TEMPLATE, { question, completion }) }],
        { role, signal: ctx.signal },
      );
      state.store['critique'] = critique.text;
      state.messages.push({
        role: 'user',
        content: renderTemplate(options.completionTemplate ?? COMPLETION_TEMPLATE, { question, completion, critique: critique.text }),
      });
      const output = await ctx.generate(state.messages, { signal: ctx.signal });
      state.messages.push({ role: 'assistant', content: output.text });
      state.output = output;
      return state;
    },
  };
}
