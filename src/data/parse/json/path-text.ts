/**
 * The text of a value found at a path in structured data (JSON, XML): `path: value`, arranged so that markings
 * still label it. The element metadata has no field for a path, so it goes into the text.
 */
import { findMarkings } from '../../../markings/index.js';
import { isBannerOnly, type Block } from '../html/index.js';

/**
 * One `narrative_text` block for `value` at `path`:
 * - a value that is only a banner marking stays bare (`SECRET//NOFORN`), so it is read as a banner;
 * - a value that opens with a portion mark keeps the mark first (`(S//NF) $.body: The plan`), so it labels the element;
 * - anything else is `path: value`.
 * @example pathBlock('$.items[2].body', 'Hello').text // '$.items[2].body: Hello'
 * @example pathBlock('/record/notes', '(U) Fine.').text // '(U) /record/notes: Fine.'
 */
export function pathBlock(path: string, value: string): Block {
  const text = value.trim();
  if (isBannerOnly(text)) return { type: 'narrative_text', text };
  const portion = findMarkings(text.slice(0, 250)).find((f) => f.kind === 'portion' && f.start === 0);
  if (portion) return { type: 'narrative_text', text: `${portion.text} ${path}: ${text.slice(portion.end).trimStart()}` };
  return { type: 'narrative_text', text: `${path}: ${text}` };
}
