/** Test helper: a TaskState with the given answer, targets and choices. */
import type { Sample } from '../dataset/sample.js';
import type { ModelOutput } from '../model/types.js';
import type { TaskState } from '../solvers/task-state.js';
import type { ScoreContext } from './scorer.js';

/** A finished state whose last output is `answer`. */
export function makeTestState(answer: string, sample: Partial<Sample> = {}, choices?: string[]): TaskState {
  const full: Sample = { id: 's1', input: 'What is the question?', target: '', metadata: {}, label: 'UNCLASSIFIED', ...sample };
  return {
    sample: full,
    epoch: 1,
    messages: [
      { role: 'user', content: typeof full.input === 'string' ? full.input : 'q' },
      { role: 'assistant', content: answer },
    ],
    output: { text: answer, finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1 } },
    choices,
    completed: true,
    store: {},
  };
}

/** A ScoreContext whose generate must not be called. */
export const NO_MODEL: ScoreContext = {
  generate: async (): Promise<ModelOutput> => {
    throw new Error('this scorer should not call a model');
  },
};
