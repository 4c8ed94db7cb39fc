/** Whitespace token counting: the usage estimate of the mock provider and the mock server. */

/** Number of whitespace-separated tokens in `text` (0 for blank text). */
export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? 0 : trimmed.split(/\s+/).length;
}
