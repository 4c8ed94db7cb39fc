/** The HTML parser: charset from BOM or `<meta>`, then the block walker; `<title>` and `<meta>` become properties. */
import { parseDocument } from 'htmlparser2';
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { ElementSink, throwIfAborted } from '../shared/index.js';
import { decodeMarkup, HTML_CHARSET } from './decode-markup.js';
import { htmlBlocks } from './html-blocks.js';
import { htmlProperties } from './html-properties.js';
import { pushBlocks } from './push-blocks.js';

/**
 * Parses an HTML page into titles (h1-h6 with level), paragraphs, list items, tables (rows, first row the header)
 * and code; scripts and styles are dropped; banner `div`s stay elements of their own (first/last as header/footer).
 * @example const parsed = await htmlParser.parse({ bytes, path: 'page.html', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const htmlParser: Parser = {
  format: 'html',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    const decoded = decodeMarkup(input.bytes, HTML_CHARSET);
    const doc = parseDocument(decoded.text);
    const properties = htmlProperties(doc);
    if (decoded.encoding) properties.encoding = decoded.encoding;
    const sink = new ElementSink(input);
    pushBlocks(sink, input, htmlBlocks(doc));
    const warnings = decoded.warning ? [`${input.path}: ${decoded.warning}.`] : [];
    return { elements: sink.elements, properties, warnings, embedded: [], units: 1 };
  },
};
