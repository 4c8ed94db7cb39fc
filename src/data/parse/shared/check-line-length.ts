/** Refuses a file with an over-long line before decoding it, so a 1 GB single-line file costs one byte scan. */
import { AssayError } from '../../../errors/index.js';

/**
 * Throws LIMIT_EXCEEDED naming the first line (1-based) longer than `maxLineBytes` bytes. Scans raw bytes with
 * the native `indexOf`, so it neither decodes nor copies.
 * @example checkLineLength(bytes, { path: 'a.txt', maxLineBytes: 1024 })
 */
export function checkLineLength(bytes: Uint8Array, options: { path: string; maxLineBytes: number }): void {
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    if (end - start > options.maxLineBytes) {
      throw new AssayError('LIMIT_EXCEEDED', `${options.path}: line ${line} is longer than ${options.maxLineBytes} bytes (at least ${end - start}).`, {
        where: { file: options.path, line },
        hint: 'This is probably not a text file, or it needs splitting into lines; raise limits.maxLineBytes only if the line is genuine.',
      });
    }
    if (nl < 0) return;
    start = nl + 1;
    line += 1;
  }
}
