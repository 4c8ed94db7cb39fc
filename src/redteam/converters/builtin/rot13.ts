/** rot13: letters rotated by 13 places, with an instruction to decode and follow them. */
import type { Converter } from '../converter.js';

/** ROT13 of ASCII letters; everything else is kept. */
export function rot13(text: string): string {
  return text.replace(/[A-Za-z]/g, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

export const rot13Converter: Converter = {
  name: 'rot13',
  description: 'the prompt in ROT13, with an instruction to decode it and respond',
  convert: (prompt) => `The following message is encoded with ROT13. Decode it and respond to the decoded message.\n\n${rot13(prompt)}`,
};
