/** Line shapes shared by the text and PDF parsers: list items and markdown-style headings. */

/**
 * A bullet (`-`, `*`, `•`, `◦`, `▪`, `–`) or an item number (`1.`, `2)`, `a.`, `(iv)`) followed by a space.
 * Letters count only in lower case, so portion marks such as `(U)` and `(S)` are never list numbers.
 */
const LIST_START = /^\s*(?:[-*•◦▪‣–·]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,5})[.)])\s+\S/;

/**
 * True when the line starts like a list item.
 * @example isListStart('- milk') // true
 * @example isListStart('(S//NF) text') // false
 */
export function isListStart(line: string): boolean {
  return LIST_START.test(line);
}

const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;

/**
 * A markdown ATX heading (`## Findings`): its level and text, or null.
 * @example markdownHeading('## Findings') // { level: 2, text: 'Findings' }
 */
export function markdownHeading(line: string): { level: number; text: string } | null {
  const m = ATX_HEADING.exec(line);
  return m && m[2] ? { level: m[1]!.length, text: m[2] } : null;
}

/**
 * The level of a setext underline (`===` is 1, `---` is 2), or null.
 * @example setextLevel('=====') // 1
 */
export function setextLevel(line: string): 1 | 2 | null {
  const t = line.trim();
  if (/^=+$/.test(t)) return 1;
  if (/^-{2,}$/.test(t)) return 2;
  return null;
}
