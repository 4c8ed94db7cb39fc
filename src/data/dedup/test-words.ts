/** Test helper: distinct letter-only words (digits would be folded by normalisation), for building sets of known Jaccard. */

/** The i-th word of a stream of distinct lower-case words ("qa", "qb", …), optionally namespaced by a prefix. */
export function word(i: number, prefix = 'q'): string {
  let s = '';
  let n = i;
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26);
  } while (n > 0);
  return prefix + s;
}

/** `count` distinct words starting at `from`, joined by spaces. */
export function words(from: number, count: number, prefix = 'q'): string {
  return Array.from({ length: count }, (_, i) => word(from + i, prefix)).join(' ');
}
