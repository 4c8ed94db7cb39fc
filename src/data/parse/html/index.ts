/** The HTML parser and the block pieces the DOCX, XML and JSON parsers share (block model, banner furniture, sink). */
export { htmlParser } from './html-parser.js';
export { htmlBlocks } from './html-blocks.js';
export { childrenOf, isCdata, isComment, isTag, isText, plainText, type DomElement, type DomNode, type DomText } from './dom-nodes.js';
export { tableBlock, tablePieces, type Block } from './block.js';
export { isBannerOnly, markBannerFurniture, splitBannerLines } from './banner-blocks.js';
export { checkTextBytes, pushBlocks, type PushOptions } from './push-blocks.js';
export { decodeMarkup, HTML_CHARSET, XML_ENCODING, type DecodedMarkup } from './decode-markup.js';
