/** unicode_confusables: about half the letters and digits swapped for a seeded choice of Unicode look-alikes. */
import { mulberry32, pickOne } from '../../../perturb/random.js';
import type { Converter } from '../converter.js';
import { HOMOGLYPHS } from './homoglyph.js';

/** Fullwidth form (U+FF01–U+FF5E) of a printable ASCII character. */
export function fullwidth(c: string): string {
  return String.fromCodePoint(c.codePointAt(0)! - 0x21 + 0xff01);
}

/** Mathematical bold (U+1D400…) of an ASCII letter or digit. */
export function mathBold(c: string): string {
  const code = c.codePointAt(0)!;
  if (c >= '0' && c <= '9') return String.fromCodePoint(0x1d7ce + code - 48);
  if (c >= 'A' && c <= 'Z') return String.fromCodePoint(0x1d400 + code - 65);
  return String.fromCodePoint(0x1d41a + code - 97);
}

const STYLES = [fullwidth, mathBold, (c: string) => HOMOGLYPHS[c] ?? fullwidth(c)] as const;

/** Each ASCII letter or digit, with probability 1/2, becomes its fullwidth, mathematical bold or Cyrillic twin. */
export const unicodeConfusablesConverter: Converter = {
  name: 'unicode_confusables',
  description: 'about half the letters and digits replaced by fullwidth, mathematical or Cyrillic look-alikes (seeded)',
  convert(prompt, { seed }) {
    const random = mulberry32(seed);
    return prompt.replace(/[A-Za-z0-9]/g, (c) => (random() < 0.5 ? pickOne(STYLES, random)(c) : c));
  },
};
