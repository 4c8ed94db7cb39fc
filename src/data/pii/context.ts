/** Presidio-style context enhancement: context words in a window of words around a span raise its score. */

/** How many words before and after a span are searched for context words. */
export interface ContextWindow {
  before: number;
  after: number;
}

/** Presidio's defaults: +0.35 when a context word is present, and never less than 0.4 then. */
export const CONTEXT_BOOST = 0.35;
export const CONTEXT_FLOOR = 0.4;
export const DEFAULT_WINDOW: ContextWindow = { before: 5, after: 2 };

const WORD = /[\p{L}\p{N}]+/gu;
/** Characters scanned on each side; generous enough for `before`/`after` words of normal length. */
const SCAN_CHARS = 160;

/** Lower-cased words of `text` (letters and digits only, so `DOB:` gives `dob`). */
export function words(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/**
 * Returns the context words (from `vocabulary`, lower case) found within the window around `[start, end)`.
 * A word matches exactly, or as a prefix when the context word has 4+ letters (`passport` matches `passports`).
 */
export function findContext(
  text: string,
  span: { start: number; end: number },
  vocabulary: readonly string[],
  window: ContextWindow = DEFAULT_WINDOW,
): string[] {
  if (vocabulary.length === 0) return [];
  const beforeWords = words(text.slice(Math.max(0, span.start - SCAN_CHARS), span.start));
  // The first word may have been cut by the scan window; drop it unless the scan reached the text start.
  if (span.start > SCAN_CHARS) beforeWords.shift();
  const near = [
    ...beforeWords.slice(Math.max(0, beforeWords.length - window.before)),
    ...words(text.slice(span.end, span.end + SCAN_CHARS)).slice(0, window.after),
  ];
  const found = new Set<string>();
  for (const w of near) {
    for (const c of vocabulary) {
      if (w === c || (c.length >= 4 && w.startsWith(c))) found.add(c);
    }
  }
  return [...found];
}

/** The boosted score when context was found (Presidio: +0.35, floor 0.4, cap 1). */
export function boostScore(score: number): number {
  // rounded so that 0.5 + 0.35 reads 0.85, not 0.8500000000000001
  return Math.round(Math.min(1, Math.max(score + CONTEXT_BOOST, CONTEXT_FLOOR)) * 1e6) / 1e6;
}
