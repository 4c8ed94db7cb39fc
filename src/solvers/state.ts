/** Builds the first TaskState of a sample and reads values solvers share. */
import type { Sample } from '../dataset/sample.js';
import type { ChatMessage } from '../model/types.js';
import type { TaskState } from './task-state.js';

/** The conversation a sample starts with: its chat messages, or one user message. */
export function initialState(sample: Sample, epoch: number): TaskState {
  const messages: ChatMessage[] =
    typeof sample.input === 'string'
      ? [{ role: 'user', content: sample.input }]
      : sample.input.map((m) => ({ ...m }));
  return { sample, epoch, messages, choices: sample.choices, completed: false, store: {} };
}

/** The text of the last user message (the "prompt" templates rewrite). */
export function lastUserIndex(state: TaskState): number {
  for (let i = state.messages.length - 1; i >= 0; i--) if (state.messages[i]?.role === 'user') return i;
  return -1;
}

/** Variables every template may use: input, choices, letters and the sample's metadata. */
export function templateVars(state: TaskState, input: string): Record<string, unknown> {
  const choices = state.choices ?? [];
  return {
    ...state.sample.metadata,
    metadata: state.sample.metadata,
    input,
    question: input,
    id: state.sample.id,
    choices: formatChoices(choices),
    letters: choices.map((_, i) => letter(i)).join(', '),
  };
}

export function letter(i: number): string {
  return String.fromCharCode(65 + i);
}

export function formatChoices(choices: readonly string[]): string {
  return choices.map((c, i) => `${letter(i)}) ${c}`).join('\n');
}

/** Replaces the last user message's content through `rewrite`. */
export function rewritePrompt(state: TaskState, rewrite: (input: string) => string): TaskState {
  const i = lastUserIndex(state);
  if (i < 0) {
    state.messages.push({ role: 'user', content: rewrite('') });
  } else {
    const msg = state.messages[i]!;
    state.messages[i] = { ...msg, content: rewrite(msg.content) };
  }
  return state;
}
