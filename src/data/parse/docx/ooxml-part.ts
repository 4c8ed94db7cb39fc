/**
 * Reads OOXML parts (headers, footers, notes, properties) with htmlparser2 in XML mode, which never processes a DTD,
 * so no entity is expanded and nothing external is fetched. A part that declares a DTD is refused outright:
 * OOXML never has one, so one there is an attack (XXE, billion laughs), not a document.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { AssayError } from '../../../errors/index.js';
import { childrenOf, isTag, plainText, type DomElement, type DomNode } from '../html/index.js';

/**
 * The part as a DOM (tag names keep their prefixes, e.g. `w:p`); throws DATASET_INVALID when it declares a DTD.
 * @example ooxmlDom('<w:hdr><w:p><w:r><w:t>SECRET</w:t></w:r></w:p></w:hdr>', { path: 'a.docx', part: 'word/header1.xml' })
 */
export function ooxmlDom(xml: string, where: { path: string; part: string }): ReturnType<typeof parseDocument> {
  assertNoDtd(xml, where);
  return parseDocument(xml, { xmlMode: true });
}

/**
 * Throws DATASET_INVALID when the part declares a DTD (checked for the parts mammoth reads too, so the user gets
 * this reason rather than an XML library's "entity not found").
 * @example assertNoDtd(documentXml, { path: 'a.docx', part: 'word/document.xml' })
 */
export function assertNoDtd(xml: string, where: { path: string; part: string }): void {
  if (/<!DOCTYPE/i.test(xml.slice(0, 64 * 1024))) {
    throw new AssayError('DATASET_INVALID', `${where.path}: part ${where.part} declares a DTD, which Office documents never do.`, {
      where: { file: where.path, field: where.part },
      hint: 'The file was crafted or altered (DTDs in OOXML are used for entity-expansion and XXE attacks); inspect it before ingesting.',
    });
  }
}

/** A paragraph's own text: `w:t` runs joined, tabs and breaks kept; paragraphs nested in text boxes are left out. */
function ownText(paragraph: DomElement): string {
  let out = '';
  const stack: DomNode[] = [...paragraph.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isTag(node) || node.name === 'w:p') continue;
    if (node.name === 'w:t') out += plainText(node);
    else if (node.name === 'w:tab') out += '\t';
    else if (node.name === 'w:br' || node.name === 'w:cr') out += '\n';
    else if (node.name === 'w:noBreakHyphen') out += '-';
    else for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  return out;
}

/**
 * The text of every `w:p` under `root`, in document order (a text box's paragraphs after its anchor's), blank ones
 * left out.
 * @example paragraphTexts(ooxmlDom(headerXml, where)) // ['SECRET//REL TO USA, FVEY']
 */
export function paragraphTexts(root: DomNode | ReturnType<typeof parseDocument>): string[] {
  const paragraphs = DomUtils.getElementsByTagName('w:p', childrenOf(root as DomNode), true);
  return paragraphs.map((p: DomElement) => ownText(p).trim()).filter((t) => t !== '');
}
