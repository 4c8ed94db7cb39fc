/** ocr: the confusions of optical character recognition: rn↔m, l↔1, O↔0, lost diacritics, broken words. */
import { pickSites } from '../random.js';
import { applyEdits, type TextEdit } from '../text-edits.js';
import { textPerturbation } from '../text-perturbation.js';

/** Character confusions, both ways. */
export const OCR_SWAPS: Readonly<Record<string, string>> = { rn: 'm', m: 'rn', l: '1', '1': 'l', O: '0', '0': 'O' };

/** Words at least this long may be broken in two by a stray space. */
export const OCR_BREAK_MIN = 6;

/** Every place OCR noise could strike: a confusable character, a letter with a diacritic, the middle of a long word. */
function ocrSites(text: string): TextEdit[] {
  const sites: TextEdit[] = [];
  for (const m of text.matchAll(/rn|[ml1O0]|\p{L}\p{M}*/gu)) {
    const found = m[0];
    const swap = OCR_SWAPS[found];
    if (swap !== undefined) {
      sites.push({ start: m.index, end: m.index + found.length, insert: swap });
      continue;
    }
    const bare = found.normalize('NFD').replace(/\p{M}+/gu, '');
    if (bare !== found.normalize('NFD')) sites.push({ start: m.index, end: m.index + found.length, insert: bare });
  }
  for (const m of text.matchAll(new RegExp(`\\p{L}{${OCR_BREAK_MIN},}`, 'gu'))) {
    const middle = m.index + Math.floor(m[0].length / 2);
    sites.push({ start: middle, end: middle, insert: ' ' });
  }
  return sites.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A share `rate` of the possible OCR errors (at least one), chosen by seed. */
export const ocrPerturbation = textPerturbation({
  name: 'ocr',
  description: 'OCR-like noise on a share `rate` of candidates: rn↔m, l↔1, O↔0, dropped diacritics, words broken by a space',
  rewrite(text, { random, rate }) {
    const sites = ocrSites(text);
    return applyEdits(text, pickSites(sites.length, rate, random).map((i) => sites[i]!));
  },
});
