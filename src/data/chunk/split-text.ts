/** Splits an oversized text at sentence (or line) ends, then at spaces, with overlap between the pieces. */

/** One piece of a split text, with its offsets into that text (end exclusive). */
export interface TextPiece {
  text: string;
  start: number;
  end: number;
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/** The last cut in (from, to]: after a sentence end or at a line break, else at a space; -1 if none. */
function lastCut(text: string, from: number, to: number): number {
  let space = -1;
  for (let p = to; p > from; p--) {
    if (!isSpace(text[p]) && p !== text.length) continue;
    const before = text.slice(Math.max(0, p - 3), p);
    if (text[p] === '\n' || /[.!?]["')\]]?$/.test(before)) return p;
    if (space < 0) space = p;
  }
  return space;
}

const skipSpace = (text: string, p: number) => {
  while (isSpace(text[p])) p++;
  return p;
};
const trimEndAt = (text: string, start: number, p: number) => {
  while (p > start && isSpace(text[p - 1])) p--;
  return p;
};

/**
 * Splits `text` into pieces of at most `maxChars`, cutting after a sentence end or line break where one falls in the
 * window, else at a space. Each piece after the first starts `overlap` characters before the new text it adds.
 * A single word longer than `maxChars` cannot be split at a boundary and is kept whole, so that one piece exceeds
 * `maxChars` (words are never cut).
 * @example splitText('One. Two. Three.', { maxChars: 10, overlap: 0 }).map((p) => p.text) // ['One. Two.', 'Three.']
 */
export function splitText(text: string, options: { maxChars: number; overlap: number }): TextPiece[] {
  const { maxChars, overlap } = options;
  const pieces: TextPiece[] = [];
  let fresh = skipSpace(text, 0);
  while (fresh < text.length) {
    const start = Math.max(0, fresh - overlap);
    const limit = start + maxChars;
    let end: number;
    if (text.length <= limit) end = text.length;
    else {
      const cut = lastCut(text, fresh, limit);
      end = cut > fresh ? cut : text.slice(limit).search(/\s/) < 0 ? text.length : limit + text.slice(limit).search(/\s/);
    }
    end = trimEndAt(text, start, end);
    pieces.push({ text: text.slice(start, end), start, end });
    fresh = skipSpace(text, end);
  }
  return pieces;
}
