/**
 * XML elements to blocks: every element with direct text becomes `path: text` (path like `/records/record[2]/notes`,
 * an index only where siblings share a name), and an element's attributes become `path/@name: value` lines.
 * Mixed content keeps each element's own text with its own path, so `<p>a <b>b</b> c</p>` gives `/p: a c` and
 * `/p/b: b`.
 */
import type { parseDocument } from 'htmlparser2';
import { childrenOf, isCdata, isTag, isText, plainText, type Block, type DomElement, type DomNode } from '../html/index.js';
import { pathBlock } from '../json/index.js';

/** Namespace declarations and schema hints are plumbing, not content. */
const PLUMBING = /^(?:xmlns(?::|$)|xsi:|xml:space$)/;

/** Direct text of an element (text and CDATA children), whitespace collapsed. */
function ownText(el: DomElement): string {
  let out = '';
  for (const child of el.children) {
    if (isText(child)) out += child.data;
    else if (isCdata(child)) out += plainText(child);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** Child elements with `[n]` on those whose name repeats among their siblings. */
function namedChildren(node: DomNode | ReturnType<typeof parseDocument>): Array<{ el: DomElement; step: string }> {
  const tags = childrenOf(node).filter(isTag);
  const counts = new Map<string, number>();
  for (const t of tags) counts.set(t.name, (counts.get(t.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return tags.map((el) => {
    const n = (seen.get(el.name) ?? 0) + 1;
    seen.set(el.name, n);
    return { el, step: counts.get(el.name)! > 1 ? `${el.name}[${n}]` : el.name };
  });
}

/**
 * The blocks of a parsed XML document in document order (an explicit stack, so deep nesting cannot overflow).
 * @example xmlBlocks(parseDocument('<r><n>Hi</n></r>', { xmlMode: true })).map((b) => b.text) // ['/r/n: Hi']
 */
export function xmlBlocks(doc: ReturnType<typeof parseDocument>): Block[] {
  const blocks: Block[] = [];
  const stack = namedChildren(doc).map(({ el, step }) => ({ el, path: `/${step}` })).reverse();
  while (stack.length) {
    const { el, path } = stack.pop()!;
    const attributes = Object.entries(el.attribs).filter(([name, value]) => !PLUMBING.test(name) && value.trim() !== '');
    if (attributes.length) blocks.push({ type: 'narrative_text', text: attributes.map(([name, value]) => `${path}/@${name}: ${value.replace(/\s+/g, ' ').trim()}`).join('\n') });
    const text = ownText(el);
    if (text) blocks.push(pathBlock(path, text));
    const children = namedChildren(el).map(({ el: child, step }) => ({ el: child, path: `${path}/${step}` }));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return blocks;
}
