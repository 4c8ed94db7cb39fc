/** generate: calls the target model on the conversation and appends its answer. */
import type { GenerateConfig } from '../../model/types.js';
import type { Solver } from '../solver.js';

export function generateSolver(config: GenerateConfig = {}): Solver {
  return {
    name: 'generate',
    async solve(state, ctx) {
      const output = await ctx.generate(state.messages, { config, signal: ctx.signal });
      state.messages.push({ role: 'assistant', content: output.text });
      state.output = output;
      return state;
    },
  };
}
