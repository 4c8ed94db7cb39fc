/** The request a safety judge weighs a response against: the sample's input as plain text. */
import type { Sample } from '../dataset/sample.js';

/** A string input as is; chat messages as `[role]` blocks. */
export function requestText(input: Sample['input']): string {
  return typeof input === 'string' ? input : input.map((m) => `[${m.role}]\n${m.content}`).join('\n\n');
}
