/** leetspeak: letters replaced by look-alike digits (a→4, e→3, i→1, o→0, s→5, t→7). */
import type { Converter } from '../converter.js';

export const LEET: Readonly<Record<string, string>> = { a: '4', e: '3', i: '1', o: '0', s: '5', t: '7' };

export const leetspeakConverter: Converter = {
  name: 'leetspeak',
  description: 'every a, e, i, o, s, t (either case) replaced by 4, 3, 1, 0, 5, 7',
  convert: (prompt) => prompt.replace(/[aeiost]/gi, (c) => LEET[c.toLowerCase()]!),
};
