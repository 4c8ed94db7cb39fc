/** Unicode and whitespace normalisation for extracted text: NFC by default (NFKC on request), one space, tidy line ends. */

/** Options for `normalizeText`. */
export interface NormalizeOptions {
  /** Unicode form: `NFC` (default) keeps compatibility characters; `NFKC` folds them (ligatures, full-width, `²` → `2`). */
  form?: 'NFC' | 'NFKC';
  /** Collapse runs of spaces and tabs, trim line ends, and allow at most one blank line between paragraphs. Default true. */
  whitespace?: boolean;
}

// Spaces that are not U+0020 (no-break, en/em and other typographic spaces, ideographic space) and tabs.
const ODD_SPACE = /[\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
// Invisible format characters that extractors leave behind: zero-width space/joiners, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/**
 * Normalises Unicode to NFC (or NFKC) and, unless `whitespace: false`, normalises whitespace: CRLF/CR/U+2028/U+2029
 * become `\n`, odd spaces become one space, invisible characters go, line ends are trimmed, and three or more
 * newlines become two.
 * @example normalizeText('Cafe\u0301\u00a0 au\tlait \r\n') // 'Café au lait'
 */
export function normalizeText(text: string, options: NormalizeOptions = {}): string {
  const form = options.form ?? 'NFC';
  let out = text.normalize(form);
  if (options.whitespace === false) return out;
  out = out
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACE, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n');
  return out.trim();
}
