/** Removes running headers, footers and page-number lines from a paged document, never a classification marking. */
import { isMarkingLine } from './is-marking-line.js';

/** Options for `removeBoilerplate`. */
export interface BoilerplateOptions {
  /** How many non-blank lines at the top and bottom of each page count as header/footer zone. Default 3. */
  edgeLines?: number;
  /** A line is boilerplate when it recurs in the edge zone of at least this fraction of pages. Default 0.5. */
  minPageFraction?: number;
  /** Repetition is only judged with at least this many pages. Default 3. */
  minPages?: number;
}

/** One removed line: page and line are 0-based indices into the input. */
export interface RemovedLine {
  page: number;
  line: number;
  text: string;
  reason: 'repeated' | 'page-number';
}

/** The cleaned pages and what was removed (for lineage and review). */
export interface BoilerplateResult {
  pages: string[];
  removed: RemovedLine[];
}

// "3", "- 3 -", "Page 3", "page 3 of 10", "3 / 10", "[12]", and lower-case roman numerals up to xxxix ("iv").
const PAGE_NUMBER = /^(?:[Pp]age\s*)?[-–—[(]?\s*(?:\d{1,5}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\s*[-–—\])]?(?:\s*(?:of|\/)\s*\d{1,5})?$/;

/** The key under which edge lines are compared: digits folded so "Page 3" and "Page 4" match, case and spaces folded. */
function lineKey(line: string): string {
  return line.trim().toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
}

function edgeIndices(lines: string[], edge: number): number[] {
  const nonBlank = lines.flatMap((l, i) => (l.trim() === '' ? [] : [i]));
  if (nonBlank.length <= edge * 2) return nonBlank;
  return [...nonBlank.slice(0, edge), ...nonBlank.slice(-edge)];
}

/**
 * Removes lines in the top/bottom `edgeLines` of each page that are page numbers, or that recur (digits folded) on at
 * least `minPageFraction` of the pages. Any line that `isMarkingLine` recognises (a banner such as `SECRET//NOFORN`,
 * or a line holding a portion mark) is always kept, however often it repeats. Pass one string per page (split a
 * single text on form feeds `\f` first).
 * @example removeBoilerplate(['ACME\nbody one\n1', 'ACME\nbody two\n2', 'ACME\nbody three\n3']).pages // ['body one', …]
 */
export function removeBoilerplate(pages: readonly string[], options: BoilerplateOptions = {}): BoilerplateResult {
  const edge = options.edgeLines ?? 3;
  const fraction = options.minPageFraction ?? 0.5;
  const minPages = options.minPages ?? 3;
  const split = pages.map((p) => p.split('\n'));
  const edges = split.map((lines) => edgeIndices(lines, edge));
  const pageCount = new Map<string, number>();
  for (const [p, idx] of edges.entries()) {
    for (const key of new Set(idx.map((i) => lineKey(split[p]![i]!)))) pageCount.set(key, (pageCount.get(key) ?? 0) + 1);
  }
  const judgeRepeats = pages.length >= minPages;
  const removed: RemovedLine[] = [];
  const out = split.map((lines, p) => {
    const drop = new Set<number>();
    for (const i of edges[p]!) {
      const text = lines[i]!;
      if (isMarkingLine(text)) continue;
      let reason: RemovedLine['reason'] | null = null;
      if (PAGE_NUMBER.test(text.trim())) reason = 'page-number';
      else if (judgeRepeats && (pageCount.get(lineKey(text)) ?? 0) >= Math.max(2, fraction * pages.length)) reason = 'repeated';
      if (reason === null) continue;
      drop.add(i);
      removed.push({ page: p, line: i, text, reason });
    }
    return lines.filter((_, i) => !drop.has(i)).join('\n').trim();
  });
  return { pages: out, removed };
}
