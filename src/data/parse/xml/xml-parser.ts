/**
 * The XML parser. Well-formedness is checked with fast-xml-parser's XMLValidator (line and column for errors); the
 * elements are read with htmlparser2 in XML mode after the DOCTYPE is blanked out, so no DTD is processed: no
 * entity is expanded (billion laughs stays a few bytes) and no external entity is fetched (no XXE).
 */
import { XMLValidator } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import { AssayError } from '../../../errors/index.js';
import { decodeMarkup, isTag, pushBlocks, XML_ENCODING } from '../html/index.js';
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { ElementSink, throwIfAborted } from '../shared/index.js';
import { stripDoctype } from './strip-doctype.js';
import { xmlBlocks } from './xml-blocks.js';

function malformed(input: ParseInput, error: { msg: string; line: number; col: number }): AssayError {
  return new AssayError('DATASET_INVALID', `${input.path}:${error.line}:${error.col}: not well-formed XML: ${error.msg}`, {
    where: { file: input.path, line: error.line, column: error.col },
    hint: 'Fix the XML at that line and column (an unclosed or mismatched tag, a bare "&" or "<"), or export the data again.',
  });
}

/**
 * Parses an XML file into `path: text` elements (see `xmlBlocks`); properties: `root` (the root element's name)
 * and `namespace` (its default namespace, when declared). Malformed XML is DATASET_INVALID with line and column.
 * @example const parsed = await xmlParser.parse({ bytes, path: 'records.xml', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const xmlParser: Parser = {
  format: 'xml',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    const decoded = decodeMarkup(input.bytes, XML_ENCODING);
    const warnings = decoded.warning ? [`${input.path}: ${decoded.warning}.`] : [];
    if (decoded.text.trim() === '') {
      throw new AssayError('DATASET_INVALID', `${input.path}: the XML file is empty.`, { where: { file: input.path }, hint: 'Copy the file again from its source.' });
    }
    const valid = XMLValidator.validate(decoded.text);
    if (valid !== true) throw malformed(input, valid.err);
    const stripped = stripDoctype(decoded.text);
    if (stripped.entities) warnings.push(`${input.path}: the DOCTYPE declares entities; they were not expanded (Assay never processes DTDs).`);
    throwIfAborted(input.signal, input.path);
    const doc = parseDocument(stripped.text, { xmlMode: true });
    const root = doc.children.find(isTag);
    const properties: Record<string, string> = {};
    if (root) properties.root = root.name;
    if (root?.attribs.xmlns) properties.namespace = root.attribs.xmlns;
    if (decoded.encoding) properties.encoding = decoded.encoding;
    const sink = new ElementSink(input);
    pushBlocks(sink, input, xmlBlocks(doc));
    return { elements: sink.elements, properties, warnings, embedded: [], units: 1 };
  },
};
