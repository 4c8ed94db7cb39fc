/** The plain-text parser: line-length guard on raw bytes, decoding with an encoding guess, then typed blocks. */
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { checkLineLength, decodeText, ElementSink, throwIfAborted } from '../shared/index.js';
import { textBlocks } from './text-blocks.js';

/**
 * Parses UTF-8 (or guessed-encoding) text into elements. A line longer than `limits.maxLineBytes` makes the whole
 * file a LIMIT_EXCEEDED error naming the line; a non-UTF-8 file gets a warning naming the encoding used.
 * @example const parsed = await textParser.parse({ bytes, path: 'notes.txt', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const textParser: Parser = {
  format: 'text',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    checkLineLength(input.bytes, { path: input.path, maxLineBytes: input.limits.maxLineBytes });
    const decoded = decodeText(input.bytes);
    const warnings = decoded.guessedEncoding
      ? [`${input.path}: not valid UTF-8; decoded as ${decoded.guessedEncoding} (a guess: check accented characters).`]
      : [];
    throwIfAborted(input.signal, input.path);
    const sink = new ElementSink(input);
    for (const block of textBlocks(decoded.text.replace(/\r\n?/g, '\n'))) {
      sink.push(block.type, block.text, block.level === undefined ? {} : { metadata: { level: block.level } });
    }
    return { elements: sink.elements, properties: decoded.guessedEncoding ? { encoding: decoded.guessedEncoding } : {}, warnings, embedded: [], units: 1 };
  },
};
