/** Blocks into the element sink, refusing any text run or cell longer than `limits.maxLineBytes`. */
import { AssayError } from '../../../errors/index.js';
import type { ElementMetadata } from '../../elements/index.js';
import type { ParseInput } from '../parser.js';
import type { ElementSink } from '../shared/index.js';
import type { Block } from './block.js';

/** Where the blocks sit, for elements (page, e.g. the sheet number) and for error messages (e.g. `sheet "Q1"`). */
export interface PushOptions {
  page?: number;
  where?: string;
}

/**
 * Throws LIMIT_EXCEEDED when `text` is longer than `maxLineBytes` UTF-8 bytes (cheap: bytes are counted only when
 * the character count could exceed the limit).
 * @example checkTextBytes('short', { path: 'a.html', maxLineBytes: 1024, what: 'a paragraph' })
 */
export function checkTextBytes(text: string, options: { path: string; maxLineBytes: number; what: string; field?: string }): void {
  if (text.length * 3 <= options.maxLineBytes) return;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes <= options.maxLineBytes) return;
  throw new AssayError('LIMIT_EXCEEDED', `${options.path}: ${options.what} is ${bytes} bytes, more than the ${options.maxLineBytes}-byte limit.`, {
    where: { file: options.path, ...(options.field ? { field: options.field } : {}) },
    hint: 'The file probably holds an embedded blob rather than text; raise limits.maxLineBytes only if the text is genuine.',
  });
}

/**
 * Pushes `blocks` in order; titles keep their level and tables their rows (`metadata.table.rows`).
 * @example pushBlocks(sink, input, blocks, { page: 2, where: 'sheet "Q1"' })
 */
export function pushBlocks(sink: ElementSink, input: Pick<ParseInput, 'path' | 'limits'>, blocks: readonly Block[], options: PushOptions = {}): void {
  const where = options.where ? ` (${options.where})` : '';
  for (const block of blocks) {
    if (block.rows) {
      for (const row of block.rows) for (const cell of row) checkTextBytes(cell, { path: input.path, maxLineBytes: input.limits.maxLineBytes, what: `a table cell${where}` });
    } else {
      checkTextBytes(block.text, { path: input.path, maxLineBytes: input.limits.maxLineBytes, what: `a ${block.type} text run${where}` });
    }
    const metadata: ElementMetadata = {};
    if (block.level !== undefined) metadata.level = block.level;
    if (block.rows) metadata.table = { rows: block.rows };
    sink.push(block.type, block.text, { metadata, ...(options.page === undefined ? {} : { page: options.page }) });
  }
}
