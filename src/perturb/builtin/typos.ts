/** typos: keyboard slips in words (an adjacent key, a dropped letter, a doubled letter), HELM-style per word. */
import { pickOne, pickSites } from '../random.js';
import { applyEdits, type TextEdit } from '../text-edits.js';
import { textPerturbation } from '../text-perturbation.js';

/** QWERTY neighbours of each lower-case letter. */
export const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  q: 'wa', w: 'qes', e: 'wrd', r: 'etf', t: 'ryg', y: 'tuh', u: 'yij', i: 'uok', o: 'ipl', p: 'ol',
  a: 'qsz', s: 'awdz', d: 'sefx', f: 'drgc', g: 'fthv', h: 'gyjb', j: 'hukn', k: 'jilm', l: 'kop',
  z: 'asx', x: 'zsdc', c: 'xdfv', v: 'cfgb', b: 'vghn', n: 'bhjm', m: 'njk',
};

const KINDS = ['neighbour', 'drop', 'double'] as const;

/** One slip at a random letter of the word starting at `start`. */
function slip(word: string, start: number, random: () => number): TextEdit {
  const kind = pickOne(KINDS, random);
  const at = Math.floor(random() * word.length);
  const ch = word[at]!;
  if (kind === 'drop') return { start: start + at, end: start + at + 1, insert: '' };
  if (kind === 'double') return { start: start + at, end: start + at + 1, insert: ch + ch };
  const near = pickOne([...KEYBOARD_NEIGHBOURS[ch.toLowerCase()]!], random);
  return { start: start + at, end: start + at + 1, insert: ch === ch.toLowerCase() ? near : near.toUpperCase() };
}

/** Each word of two or more ASCII letters gets one slip with probability `rate` (at least one word). Digits are never touched. */
export const typosPerturbation = textPerturbation({
  name: 'typos',
  description: 'keyboard slips: a neighbouring key, a dropped or a doubled letter in a share `rate` of words',
  rewrite(text, { random, rate }) {
    const words = [...text.matchAll(/[A-Za-z]{2,}/g)];
    const edits = pickSites(words.length, rate, random).map((i) => slip(words[i]![0], words[i]!.index, random));
    return applyEdits(text, edits);
  },
});
