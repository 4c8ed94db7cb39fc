/** The body font size of a document: the size that carries the most characters. */
import type { PageLine } from './page-lines.js';

/**
 * The most common font size (to half a point), weighted by characters; 0 when there is no text.
 * @example bodySize([{ text: 'Title', size: 20, bbox }, { text: 'A long paragraph…', size: 11, bbox }]) // 11
 */
export function bodySize(lines: Iterable<PageLine>): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [size, w] of weight) {
    if (w > bestWeight || (w === bestWeight && size < best)) [best, bestWeight] = [size, w];
  }
  return best;
}
