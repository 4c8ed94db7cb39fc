/** Type guards over htmlparser2's DOM nodes (domutils 4 no longer re-exports domhandler's guards). */
import { ElementType as NodeType, type DomUtils, type parseDocument } from 'htmlparser2';

type DomDocument = ReturnType<typeof parseDocument>;
/** A DOM node as htmlparser2 builds it. */
export type DomNode = DomDocument['children'][number];
/** A DOM element (a tag, including `script` and `style`). */
export type DomElement = Parameters<typeof DomUtils.getAttributeValue>[0];
/** A text node. */
export type DomText = Extract<DomNode, { type: typeof NodeType.Text }>;

/** True for tags (`script` and `style` are tags with their own node type). */
export function isTag(node: DomNode): node is DomElement {
  return node.type === NodeType.Tag || node.type === NodeType.Script || node.type === NodeType.Style;
}

/** True for text nodes. */
export function isText(node: DomNode): node is DomText {
  return node.type === NodeType.Text;
}

/** The children of a tag, a CDATA section or the document; [] for leaves. */
export function childrenOf(node: DomNode | DomDocument): DomNode[] {
  return 'children' in node ? node.children : [];
}

/** True for CDATA sections (their text is a child node). */
export function isCdata(node: DomNode): boolean {
  return node.type === NodeType.CDATA;
}

/** True for comments. */
export function isComment(node: DomNode): boolean {
  return node.type === NodeType.Comment;
}

/**
 * All text under `node` (text and CDATA), in order; iterative, so a deeply nested (or never-closed) tag soup cannot
 * overflow the stack the way a recursive `textContent` does.
 * @example plainText(parseDocument('<p>a<b>b</b></p>')) // 'ab'
 */
export function plainText(node: DomNode | { children: DomNode[] }): string {
  let out = '';
  const stack: DomNode[] = [...childrenOf(node as DomNode)].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (isText(n)) out += n.data;
    else if (isTag(n) || isCdata(n)) for (let i = childrenOf(n).length - 1; i >= 0; i--) stack.push(childrenOf(n)[i]!);
  }
  return out;
}
