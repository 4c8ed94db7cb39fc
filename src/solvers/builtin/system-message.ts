/** system_message: puts a system message (templated) at the start of the conversation. */
import type { Solver } from '../solver.js';
import { renderTemplate } from '../template.js';
import { lastUserIndex, templateVars } from '../state.js';

export function systemMessageSolver(template: string): Solver {
  return {
    name: 'system_message',
    async solve(state) {
      const input = state.messages[lastUserIndex(state)]?.content ?? '';
      const content = renderTemplate(template, templateVars(state, input));
      const firstNonSystem = state.messages.findIndex((m) => m.role !== 'system');
      state.messages.splice(firstNonSystem < 0 ? state.messages.length : firstNonSystem, 0, { role: 'system', content });
      return state;
    },
  };
}
