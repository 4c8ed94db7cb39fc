/**
 * Cuts a file into records: fixed `recordLength` slices (a shorter last one is kept and flagged by the parser), or
 * lines when no length is given (LF with an optional CR before it; EBCDIC NL 0x15 or LF 0x25). Yields subarrays.
 */
import { AssayError } from '../../../errors/index.js';
import type { RecordEncoding } from './schema.js';

/** Options for `splitRecords`. */
export interface SplitOptions {
  encoding: RecordEncoding;
  recordLength?: number | undefined;
  path: string;
  /** A line (or record) longer than this is LIMIT_EXCEEDED. */
  maxRecordBytes: number;
}

function tooLong(path: string, record: number, bytes: number, max: number): AssayError {
  return new AssayError('LIMIT_EXCEEDED', `${path}: record ${record} is ${bytes} bytes, more than ${max}.`, {
    where: { file: path, row: record },
    hint: 'Check recordLength and the line ends of the file (a file without line ends needs recordLength); raise limits.maxLineBytes only if the record is genuine.',
  });
}

/** Finds line breaks; for EBCDIC two break bytes, each searched again only once passed (so the scan stays linear). */
function breakFinder(bytes: Uint8Array, encoding: RecordEncoding): (from: number) => number {
  const marks = encoding === 'ebcdic-cp037' ? [0x15, 0x25] : [0x0a];
  const next = marks.map(() => -2);
  return (from) => {
    let best = -1;
    marks.forEach((mark, i) => {
      if (next[i] !== -1 && next[i]! < from) next[i] = bytes.indexOf(mark, from);
      const at = next[i]!;
      if (at >= 0 && (best < 0 || at < best)) best = at;
    });
    return best;
  };
}

/**
 * Records in order (empty lines skipped).
 * @example [...splitRecords(bytes, { encoding: 'ascii', path: 'a.dat', maxRecordBytes: 1e6 })].length
 */
export function* splitRecords(bytes: Uint8Array, options: SplitOptions): Generator<Uint8Array> {
  const { recordLength, maxRecordBytes, path } = options;
  if (recordLength !== undefined) {
    if (recordLength > maxRecordBytes) throw tooLong(path, 1, recordLength, maxRecordBytes);
    for (let at = 0; at < bytes.length; at += recordLength) yield bytes.subarray(at, Math.min(at + recordLength, bytes.length));
    return;
  }
  const nextBreak = breakFinder(bytes, options.encoding);
  let record = 0;
  for (let at = 0; at < bytes.length; ) {
    const br = nextBreak(at);
    let end = br < 0 ? bytes.length : br;
    if (options.encoding !== 'ebcdic-cp037' && end > at && bytes[end - 1] === 0x0d) end -= 1;
    if (end > at) {
      record += 1;
      if (end - at > maxRecordBytes) throw tooLong(path, record, end - at, maxRecordBytes);
      yield bytes.subarray(at, end);
    }
    at = br < 0 ? bytes.length : br + 1;
  }
}
