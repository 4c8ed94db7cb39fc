/** homoglyph: Latin letters replaced by identical-looking Cyrillic ones (the text reads the same, the bytes do not). */
import type { Converter } from '../converter.js';

/** Latin → Cyrillic look-alikes. */
export const HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'а', c: 'с', e: 'е', i: 'і', j: 'ј', o: 'о', p: 'р', s: 'ѕ', x: 'х', y: 'у',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', J: 'Ј', K: 'К', M: 'М', O: 'О', P: 'Р', S: 'Ѕ', T: 'Т', X: 'Х', Y: 'Ү',
};

export const homoglyphConverter: Converter = {
  name: 'homoglyph',
  description: 'every Latin letter that has a Cyrillic look-alike replaced by it',
  convert: (prompt) => prompt.replace(/[A-Za-z]/g, (c) => HOMOGLYPHS[c] ?? c),
};
