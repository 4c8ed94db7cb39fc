/** Text normalisation shared by the text-comparing scorers. */

/** Trims and collapses runs of whitespace to one space; lower-cases when `ignoreCase`. */
export function normalizeText(text: string, ignoreCase: boolean): string {
  const collapsed = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  return ignoreCase ? collapsed.toLowerCase() : collapsed;
}

// Leading punctuation/symbols, but not a sign or decimal point that starts a number ("-5", ".5").
const LEADING = /^(?:(?![-+\u2212.]\d)[\s\p{P}\p{S}])+/u;
const TRAILING = /[\s\p{P}\p{S}]+$/u;

/** Removes punctuation, symbols and whitespace at both ends ("**Paris.**" → "Paris"), keeping a number's sign. */
export function stripEdgePunctuation(text: string): string {
  return text.replace(LEADING, '').replace(TRAILING, '');
}

/** Shortens text for an explanation. */
export function quote(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max)}…` : flat);
}
