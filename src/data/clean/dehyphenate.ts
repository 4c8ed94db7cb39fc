/** Rejoins words that a line break split with a hyphen ("infor-\nmation" → "information"), keeping real compounds. */

// A letter run, a hyphen, optional spaces, one line break, optional indentation, then the next letter run.
const BROKEN = /(\p{L}+)-[ \t]*\r?\n[ \t]*(\p{L}+)/gu;
const LOWER_WORD = /^\p{Ll}+$/u;

/**
 * Joins a word hyphenated across a line break when, and only when, the joined word is all lower-case letters
 * (`\p{Ll}+`). So "infor-\nmation" → "information", while "Anglo-\nSaxon" (next line starts upper case),
 * "COVID-\n19" and "F-\n16" (not letters), and "Infor-\nmation" (capital, so possibly a name) stay as they are.
 * Without a dictionary the rule cannot tell a line-break hyphen from a compound that happens to break at its
 * hyphen: "self-\ncontained" becomes "selfcontained". The rest of the second line follows the joined word.
 * @example dehyphenate('the infor-\nmation age') // 'the information age'
 */
export function dehyphenate(text: string): string {
  return text.replace(BROKEN, (whole, left: string, right: string) => {
    const joined = left + right;
    return LOWER_WORD.test(joined) ? joined : whole;
  });
}
