/** Document properties from an HTML head: `<title>` and the `<meta name>` fields worth keeping. */
import { DomUtils, type parseDocument } from 'htmlparser2';
import { plainText } from './dom-nodes.js';

/** `<meta name>` values kept as properties (a `classification` meta is a marking source, never trusted over the text). */
const META_NAMES = new Set(['author', 'description', 'keywords', 'subject', 'classification', 'generator', 'dc.title', 'dc.creator']);

/**
 * `title` from `<title>`, and each kept `<meta name="…" content="…">` under its lower-case name.
 * @example htmlProperties(parseDocument('<title>Plan</title><meta name="author" content="J. Doe">')) // { title: 'Plan', author: 'J. Doe' }
 */
export function htmlProperties(doc: ReturnType<typeof parseDocument>): Record<string, string> {
  const out: Record<string, string> = {};
  const [title] = DomUtils.findAll((e) => e.name.toLowerCase() === 'title', doc.children);
  const titleText = title ? plainText(title).replace(/\s+/g, ' ').trim() : '';
  if (titleText) out.title = titleText;
  for (const meta of DomUtils.findAll((e) => e.name.toLowerCase() === 'meta', doc.children)) {
    const name = (meta.attribs.name ?? '').toLowerCase().trim();
    const content = (meta.attribs.content ?? '').trim();
    if (META_NAMES.has(name) && content && out[name] === undefined) out[name] = content;
  }
  return out;
}
