/** The XML parser (no DTD processing) and its pieces. */
export { xmlParser } from './xml-parser.js';
export { xmlBlocks } from './xml-blocks.js';
export { stripDoctype, type Stripped } from './strip-doctype.js';
