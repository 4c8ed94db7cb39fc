/** character_spacing: a space between every character, so filters that look for whole words miss them. */
import type { Converter } from '../converter.js';

export const characterSpacingConverter: Converter = {
  name: 'character_spacing',
  description: 'a space between every character (word gaps become three spaces)',
  convert: (prompt) => Array.from(prompt).join(' '),
};
