/** Text bytes of a record to a string: ASCII and Latin-1 byte for byte (bytes over 0x7F read as Latin-1), EBCDIC by the cp037 table. */
import { decodeCp037 } from './cp037.js';
import type { RecordEncoding } from './schema.js';

/**
 * Decodes `bytes` in the record encoding.
 * @example decodeRecordText(new Uint8Array([0xc1, 0xc2]), 'ebcdic-cp037') // 'AB'
 */
export function decodeRecordText(bytes: Uint8Array, encoding: RecordEncoding): string {
  if (encoding === 'ebcdic-cp037') return decodeCp037(bytes);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
