/** multiple_choice: shows the choices as lettered options and asks for `ANSWER: <letter>`; follow it with generate. */
import type { Solver } from '../solver.js';
import { renderTemplate } from '../template.js';
import { rewritePrompt, templateVars } from '../state.js';

export const MULTIPLE_CHOICE_TEMPLATE = `Answer the following multiple choice question. The last line of your response must be of the form "ANSWER: $LETTER" where LETTER is one of {letters}.

{question}

{choices}`;

export function multipleChoiceSolver(template = MULTIPLE_CHOICE_TEMPLATE): Solver {
  return {
    name: 'multiple_choice',
    async solve(state) {
      if (!state.choices || state.choices.length === 0) {
        state.store['multiple_choice'] = 'sample has no choices; prompt left unchanged';
        return state;
      }
      return rewritePrompt(state, (input) => renderTemplate(template, templateVars(state, input)));
    },
  };
}
