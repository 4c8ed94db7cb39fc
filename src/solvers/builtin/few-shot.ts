/** few_shot: puts k worked examples (from another split) before the prompt. */
import type { Sample } from '../../dataset/sample.js';
import { targetList } from '../../dataset/sample.js';
import type { Solver } from '../solver.js';
import { renderTemplate } from '../template.js';
import { rewritePrompt } from '../state.js';

/** Renders one example; `{input}` is its text (or its last user message), `{target}` its first target. */
export function renderExample(example: Sample, template: string): string {
  const input = typeof example.input === 'string' ? example.input : (example.input.filter((m) => m.role === 'user').at(-1)?.content ?? '');
  return renderTemplate(template, { ...example.metadata, input, target: targetList(example)[0] ?? '' });
}

export function fewShotSolver(examples: readonly Sample[], template: string): Solver {
  return {
    name: 'few_shot',
    async solve(state) {
      const shots = examples.filter((e) => e.id !== state.sample.id).map((e) => renderExample(e, template));
      if (shots.length === 0) return state;
      return rewritePrompt(state, (input) => `${shots.join('\n\n')}\n\n${input}`);
    },
  };
}
