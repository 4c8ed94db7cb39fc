/** Pieces every parser shares: the element sink, the abort and line-length checks, text decoding and line shapes. */
export { ElementSink, type SinkExtras } from './element-sink.js';
export { checkLineLength } from './check-line-length.js';
export { decodeText, type DecodedText, type DecodeTextOptions } from './decode-text.js';
export { isListStart, markdownHeading, setextLevel } from './line-kind.js';
export { throwIfAborted } from './throw-if-aborted.js';
