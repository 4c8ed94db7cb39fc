/** Big-endian binary integers (COBOL COMP / BINARY), 1 to 8 bytes, two's complement when signed. */
import { decimalText } from './decimal-text.js';
import { ok, type FieldValue } from './field-value.js';

/**
 * Decodes a big-endian integer with an implied scale.
 * @example decodeBinary(new Uint8Array([0xff, 0xfe]), { signed: true }) // { ok: true, value: '-2' }
 */
export function decodeBinary(bytes: Uint8Array, options: { signed?: boolean; scale?: number } = {}): FieldValue {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  const signed = options.signed ?? true;
  if (signed && bytes.length > 0 && (bytes[0]! & 0x80) !== 0) n -= 1n << BigInt(bytes.length * 8);
  const negative = n < 0n;
  return ok(decimalText((negative ? -n : n).toString(), negative, options.scale ?? 0));
}
