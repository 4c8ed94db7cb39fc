/**
 * HTML mail bodies to plain text with a small block-aware walk over htmlparser2 events: block tags break lines or
 * paragraphs, headings become `#` lines (the text parser's titles), list items `- ` lines, table cells ` | `;
 * script, style and head content is dropped. Enough for mail; full HTML documents have their own parser.
 */
import { Parser } from 'htmlparser2';

const PARAGRAPH = new Set(['p', 'div', 'table', 'blockquote', 'ul', 'ol', 'dl', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'form', 'fieldset', 'address', 'center', 'pre', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LINE = new Set(['br', 'li', 'tr', 'dt', 'dd', 'figcaption', 'caption']);
const SKIP = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);
const BREAK = '\u0000';

/** Joins the walk's pieces: break markers become newlines, spaces are tidied, at most one blank line in a row. */
function tidy(raw: string): string {
  return raw
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Plain text of an HTML fragment or document.
 * @example htmlToText('<p>Hello <b>you</b></p><ul><li>one</li></ul>') // 'Hello you\n\n- one'
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let skipping = 0;
  let pre = 0;
  let cell = 0;
  const br = (n: 1 | 2) => out.push(BREAK.repeat(n));
  const parser = new Parser(
    {
      onopentag(name) {
        if (SKIP.has(name)) skipping += 1;
        if (name === 'pre') pre += 1;
        if (PARAGRAPH.has(name)) br(2);
        else if (LINE.has(name)) br(1);
        if (/^h[1-6]$/.test(name)) out.push(`${'#'.repeat(Number(name[1]))} `);
        if (name === 'li') out.push('- ');
        if (name === 'tr') cell = 0;
        if (name === 'td' || name === 'th') out.push(cell++ > 0 ? ' | ' : '');
      },
      ontext(text) {
        if (skipping === 0) out.push(pre > 0 ? text : text.replace(/\s+/g, ' '));
      },
      onclosetag(name) {
        if (SKIP.has(name)) skipping = Math.max(0, skipping - 1);
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (PARAGRAPH.has(name)) br(2);
        else if (LINE.has(name) && name !== 'br') br(1);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return tidy(out.join('').replace(/\u0000/g, '\n'));
}
