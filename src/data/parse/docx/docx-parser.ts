/**
 * The DOCX parser. Mammoth gives the body; it leaves out headers, footers and comments, which is where banners and
 * reviewers' markings live, so those parts (and the document properties) are read from the package directly.
 */
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { pushBlocks, type Block } from '../html/index.js';
import { ElementSink, throwIfAborted } from '../shared/index.js';
import { docxBody } from './docx-body.js';
import { readOfficePackage } from './office-zip.js';
import { officeProperties } from './office-properties.js';
import { assertNoDtd, ooxmlDom, paragraphTexts } from './ooxml-part.js';

const FURNITURE = /^word\/(header|footer)(\d*)\.xml$/;
/** The parts mammoth reads, checked for a DTD before mammoth sees them. */
const BODY_PARTS = ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml'];
const OWN_PARTS = ['word/comments.xml', 'docProps/core.xml', 'docProps/custom.xml'];
const WANTED = (name: string) => FURNITURE.test(name) || BODY_PARTS.includes(name) || OWN_PARTS.includes(name);

/** header1.xml before header2.xml before header10.xml. */
const partNumber = (name: string) => Number(FURNITURE.exec(name)?.[2] || 0);

/** One block per header (or footer) part with text; identical parts (first page, even pages) only once. */
function furnitureBlocks(parts: Map<string, string>, kind: 'header' | 'footer', path: string): Block[] {
  const names = [...parts.keys()].filter((n) => FURNITURE.exec(n)?.[1] === kind).sort((a, b) => partNumber(a) - partNumber(b));
  const texts = names.map((part) => paragraphTexts(ooxmlDom(parts.get(part)!, { path, part })).join('\n')).filter((t) => t !== '');
  return [...new Set(texts)].map((text) => ({ type: kind, text }));
}

/** Each comment as an `other` element (reviewers' comments can carry markings too). */
function commentBlocks(parts: Map<string, string>, path: string): Block[] {
  const xml = parts.get('word/comments.xml');
  if (!xml) return [];
  const doc = ooxmlDom(xml, { path, part: 'word/comments.xml' });
  return doc.children.flatMap((root) => ('children' in root ? root.children : []))
    .map((comment) => paragraphTexts(comment).join('\n'))
    .filter((t) => t !== '')
    .map((text) => ({ type: 'other' as const, text }));
}

/**
 * Parses a Word document: header parts (`header`), then the body (titles with level, paragraphs, list items, tables
 * with rows, footnotes and endnotes), then comments (`other`), then footer parts (`footer`). Properties: title,
 * author, created, modified… from core.xml and `custom.<name>` from custom.xml. Encrypted, legacy or damaged
 * files are DATASET_INVALID with the reason.
 * @example const parsed = await docxParser.parse({ bytes, path: 'plan.docx', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const docxParser: Parser = {
  format: 'docx',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    const { parts } = readOfficePackage(input, 'docx', WANTED);
    for (const part of BODY_PARTS) {
      const xml = parts.get(part);
      if (xml !== undefined) assertNoDtd(xml, { path: input.path, part });
    }
    const properties = officeProperties({ core: parts.get('docProps/core.xml'), custom: parts.get('docProps/custom.xml') }, input.path);
    const headers = furnitureBlocks(parts, 'header', input.path);
    const footers = furnitureBlocks(parts, 'footer', input.path);
    const comments = commentBlocks(parts, input.path);
    throwIfAborted(input.signal, input.path);
    const body = await docxBody(input);
    throwIfAborted(input.signal, input.path);
    const sink = new ElementSink(input);
    pushBlocks(sink, input, [...headers, ...body.blocks, ...comments, ...footers]);
    return { elements: sink.elements, properties, warnings: body.warnings, embedded: [], units: 1 };
  },
};
