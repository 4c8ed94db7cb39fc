/** multi_turn: a scripted conversation: each turn adds a user message, then the model answers. */
import type { Solver } from '../solver.js';
import { renderTemplate } from '../template.js';
import { lastUserIndex, templateVars } from '../state.js';

export function multiTurnSolver(turns: readonly string[]): Solver {
  return {
    name: 'multi_turn',
    async solve(state, ctx) {
      const input = state.messages[lastUserIndex(state)]?.content ?? '';
      for (const turn of turns) {
        if (state.completed) break;
        state.messages.push({ role: 'user', content: renderTemplate(turn, templateVars(state, input)) });
        const output = await ctx.generate(state.messages, { signal: ctx.signal });
        state.messages.push({ role: 'assistant', content: output.text });
        state.output = output;
      }
      return state;
    },
  };
}
