/** prompt_template: rewrites the last user message through a template with {input}, {choices} and metadata. */
import type { Solver } from '../solver.js';
import { renderTemplate } from '../template.js';
import { rewritePrompt, templateVars } from '../state.js';

export function promptTemplateSolver(template: string): Solver {
  return {
    name: 'prompt_template',
    async solve(state) {
      return rewritePrompt(state, (input) => renderTemplate(template, templateVars(state, input)));
    },
  };
}
