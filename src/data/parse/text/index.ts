/** The plain-text parser and its block splitter (the e-mail parser splits bodies with it too). */
export { textParser } from './text-parser.js';
export { textBlocks, type TextBlock } from './text-blocks.js';
