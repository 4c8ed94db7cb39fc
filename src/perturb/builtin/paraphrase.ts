/** paraphrase: a model in the `paraphraser` role rewrites the prompt before the target model sees it. */
import { AssayError } from '../../errors/index.js';
import type { Solver } from '../../solvers/solver.js';
import { rewritePrompt } from '../../solvers/state.js';
import { renderTemplate } from '../../solvers/template.js';
import type { Perturbation } from '../perturbation.js';

/** The model role that writes paraphrases. */
export const PARAPHRASER_ROLE = 'paraphraser';

/** What the paraphraser is asked; `{text}` is the prompt. */
export const PARAPHRASE_TEMPLATE = `Paraphrase the text below. Keep its meaning and every fact, number, name and answer option exactly; change the wording and sentence structure. Reply with the paraphrase only, with no preamble.

Text:
{text}`;

/**
 * The sample is left as it is at expansion time (the variant id and metadata mark it); the paraphrase is made
 * at run time by `paraphraseSolver`, which the engine puts first in the solver chain.
 */
export const paraphrasePerturbation: Perturbation = {
  name: 'paraphrase',
  description: 'the prompt reworded by the model in the `paraphraser` role (made at run time, before the target sees it)',
  perturb: (sample) => ({ ok: true, sample }),
};

/**
 * Rewrites the last user message through the paraphraser, only for samples whose metadata `perturbation` is
 * `paraphrase`. Asks for temperature 0 and a per-sample seed so every epoch sees the same paraphrase where
 * the server honours them; the paraphrase is kept in the state's store (`paraphrase`).
 */
export function paraphraseSolver(options: { seedOf: (sampleId: string) => number; template?: string }): Solver {
  return {
    name: 'paraphrase',
    async solve(state, ctx) {
      if (state.sample.metadata['perturbation'] !== 'paraphrase') return state;
      const original = state.messages.findLast((m) => m.role === 'user')?.content ?? '';
      const prompt = renderTemplate(options.template ?? PARAPHRASE_TEMPLATE, { text: original });
      const output = await ctx.generate([{ role: 'user', content: prompt }], {
        role: PARAPHRASER_ROLE,
        config: { temperature: 0, seed: options.seedOf(state.sample.id) },
        signal: ctx.signal,
      });
      const paraphrase = output.text.trim();
      if (paraphrase === '') {
        throw new AssayError('MODEL_BAD_RESPONSE', `The paraphraser returned an empty paraphrase for sample ${state.sample.id}.`, {
          hint: 'Check the model in the paraphraser role (--model-role paraphraser=<provider>/<model>).',
        });
      }
      state.store['paraphrase'] = { original, paraphrase };
      return rewritePrompt(state, () => paraphrase);
    },
  };
}
