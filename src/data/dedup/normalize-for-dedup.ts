/** Content normalisation before hashing, after datatrove's defaults: NFKC, lower case, no diacritics, punctuation or digit variety. */

/** Options for `normalizeForDedup`; every step is on by default. */
export interface DedupNormalizeOptions {
  lowercase?: boolean;
  stripDiacritics?: boolean;
  removePunctuation?: boolean;
  /** Replace every run of digits with `0`, so "page 3" and "page 12" compare equal. */
  foldNumbers?: boolean;
}

/**
 * Normalises text so that copies differing only in case, accents, punctuation, digits or spacing compare equal.
 * Words are left separated by single spaces.
 * @example normalizeForDedup('Café, No. 12!') // 'cafe no 0'
 */
export function normalizeForDedup(text: string, options: DedupNormalizeOptions = {}): string {
  let out = text.normalize('NFKC');
  if (options.lowercase !== false) out = out.toLowerCase();
  if (options.stripDiacritics !== false) out = out.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
  if (options.removePunctuation !== false) out = out.replace(/[\p{P}\p{S}]+/gu, ' ');
  if (options.foldNumbers !== false) out = out.replace(/\p{Nd}+/gu, '0');
  return out.replace(/\s+/g, ' ').trim();
}
