/** The "plain" prompt template: chat messages flattened to text for models that are not chat-tuned. */
import type { ChatMessage } from '../../model/types.js';

/** Template name, recorded in `cacheIdentity` so a template change never reuses old answers. */
export const PLAIN_TEMPLATE_ID = 'plain-v1';

/**
 * Joins the trimmed message contents in order (system text first, then each turn) with a blank line between
 * them, without role labels and without anything after the last message: the model simply continues the text,
 * as a completion model does. So "We the People of the United" asks the model for the next words.
 *
 * @example
 * plainPrompt([{ role: 'system', content: 'Finish the phrase.' }, { role: 'user', content: 'We the People' }]);
 * // 'Finish the phrase.\n\nWe the People'
 */
export function plainPrompt(messages: readonly ChatMessage[]): string {
  return messages.map((m) => m.content.trim()).join('\n\n');
}
