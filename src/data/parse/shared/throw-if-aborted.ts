/** The abort check parsers run between pages, entries and stages. */
import { AssayError } from '../../../errors/index.js';

/**
 * Throws AssayError ABORTED when `signal` has fired, naming the file.
 * @example throwIfAborted(input.signal, input.path)
 */
export function throwIfAborted(signal: AbortSignal | undefined, path: string): void {
  if (signal?.aborted) {
    throw new AssayError('ABORTED', `${path}: parsing was cancelled.`, { where: { file: path }, hint: 'Run the ingest again to finish this file.' });
  }
}
