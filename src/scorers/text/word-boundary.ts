/** Word-boundary test that works for spaced scripts and leaves unspaced ones (Chinese, Japanese, Thai) alone. */

const WORD = /[\p{L}\p{N}]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}]/u;

function isSpacedWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD.test(ch) && !UNSPACED.test(ch);
}

/** True when the characters on either side of a cut at `index` are not both word characters of a spaced script. */
export function isBoundary(text: string, index: number): boolean {
  return !(isSpacedWordChar(text[index - 1]) && isSpacedWordChar(text[index]));
}
