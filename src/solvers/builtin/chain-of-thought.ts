/** chain_of_thought: asks the model to reason step by step before a final `ANSWER:` line. */
import type { Solver } from '../solver.js';
import { renderTemplate } from '../template.js';
import { rewritePrompt, templateVars } from '../state.js';

export const CHAIN_OF_THOUGHT_TEMPLATE = `{input}

Before answering, reason in a step-by-step manner as to get the right answer. Provide your answer at the end on its own line in the form "ANSWER: $ANSWER" (without quotes) where $ANSWER is the answer to the question.`;

export function chainOfThoughtSolver(template = CHAIN_OF_THOUGHT_TEMPLATE): Solver {
  return {
    name: 'chain_of_thought',
    async solve(state) {
      return rewritePrompt(state, (input) => renderTemplate(template, templateVars(state, input)));
    },
  };
}
