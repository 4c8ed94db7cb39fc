/** Markdown escaping: model text must render as text, never as markup, HTML or a broken table. */

/**
 * Backslash-escapes inline Markdown punctuation (`|` included, for table cells), writes `& < >` as
 * entities, guards a leading list or heading marker, and turns line breaks into `<br>`.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)(#{1,6}|[+=-]|\d+[.)])(?=\s|$)/, (_m, space: string, marker: string) =>
      /^\d/.test(marker) ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}` : `${space}\\${marker}`,
    )
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** A fenced code block whose fence is longer than any run of backticks in the text, so it cannot be closed early. */
export function fencedBlock(text: string): string {
  let longest = 0;
  for (const m of text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}text\n${text}\n${fence}`;
}
