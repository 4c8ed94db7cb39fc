/** What a scorer reads as the model's answer. */
import type { TaskState } from '../solvers/task-state.js';

/** The last model output's text, else the last assistant message, else ''. */
export function answerText(state: TaskState): string {
  if (state.output) return state.output.text;
  for (let i = state.messages.length - 1; i >= 0; i--) {
    const m = state.messages[i]!;
    if (m.role === 'assistant') return m.content;
  }
  return '';
}
