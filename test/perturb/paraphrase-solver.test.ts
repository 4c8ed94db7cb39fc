// The paraphrase solver: rewrites the prompt through the paraphraser role, only for paraphrase variants.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/dataset/sample.js';
import type { ChatMessage, GenerateConfig } from '../../src/model/types.js';
import { PARAPHRASE_TEMPLATE, paraphraseSolver } from '../../src/perturb/builtin/paraphrase.js';
import { initialState } from '../../src/solvers/state.js';
import type { Generate } from '../../src/solvers/task-state.js';

const sample = (perturbation: string): Sample => ({ id: `q~${perturbation}`, input: 'How many legs has a spider?', target: '8', metadata: { perturbation, original_id: 'q' }, label: 'UNCLASSIFIED' });

function recorder(reply: string) {
  const calls: Array<{ messages: ChatMessage[]; role?: string; config?: GenerateConfig }> = [];
  const generate: Generate = async (messages, opts = {}) => {
    calls.push({ messages, role: opts.role, config: opts.config });
    return { text: reply, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } };
  };
  return { calls, generate };
}

describe('paraphraseSolver', () => {
  it('asks the paraphraser (temperature 0, per-sample seed) and replaces the prompt with its answer', async () => {
    const { calls, generate } = recorder('  What number of legs does a spider have?\n');
    const state = initialState(sample('paraphrase'), 1);
    await paraphraseSolver({ seedOf: (id) => id.length }).solve(state, { generate });
    expect(calls).toEqual([{ messages: [{ role: 'user', content: PARAPHRASE_TEMPLATE.replace('{text}', 'How many legs has a spider?') }], role: 'paraphraser', config: { temperature: 0, seed: 'q~paraphrase'.length } }]);
    expect(state.messages).toEqual([{ role: 'user', content: 'What number of legs does a spider have?' }]);
    expect(state.store['paraphrase']).toEqual({ original: 'How many legs has a spider?', paraphrase: 'What number of legs does a spider have?' });
  });

  it('does nothing to samples that are not paraphrase variants', async () => {
    const { calls, generate } = recorder('x');
    for (const p of ['none', 'typos']) {
      const state = initialState(sample(p), 1);
      await paraphraseSolver({ seedOf: () => 0 }).solve(state, { generate });
      expect(state.messages).toEqual([{ role: 'user', content: 'How many legs has a spider?' }]);
    }
    expect(calls).toHaveLength(0);
  });

  it('fails the sample when the paraphraser returns nothing', async () => {
    const { generate } = recorder('   ');
    await expect(paraphraseSolver({ seedOf: () => 0 }).solve(initialState(sample('paraphrase'), 1), { generate })).rejects.toMatchObject({ code: 'MODEL_BAD_RESPONSE' });
  });
});
