/** The plain-text parser and the pieces other parsers share (element sink, list and heading shapes, decoding). */
export { textParser } from './text-parser.js';
export { ElementSink, type SinkExtras } from './element-sink.js';
export { checkLineLength } from './check-line-length.js';
export { decodeText, type DecodedText } from './decode-text.js';
export { isListStart, markdownHeading, setextLevel } from './line-kind.js';
export { textBlocks, type TextBlock } from './text-blocks.js';
export { throwIfAborted } from './throw-if-aborted.js';
