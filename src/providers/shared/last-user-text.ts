/** The text of the last user message: what echo-style mocks answer and what `{{prompt}}` stands for. */
import type { ChatMessage } from '../../model/index.js';

/** The content of the last `user` message, or '' when there is none. */
export function lastUserText(messages: readonly ChatMessage[]): string {
  return messages.findLast((m) => m.role === 'user')?.content ?? '';
}
