/** COMP-3 packed decimal: two digits per byte, the last byte's low nibble the sign (C or F positive, D negative). */
import { decimalText } from './decimal-text.js';
import { bad, hex, ok, type FieldValue } from './field-value.js';

/** IBM also accepts A and E as plus and B as minus (preferred: C, D, and F for unsigned). */
const PLUS = new Set([0xa, 0xc, 0xe, 0xf]);
const MINUS = new Set([0xb, 0xd]);

/**
 * Decodes packed decimal; a digit nibble over 9 or an unknown sign nibble is a problem naming the byte.
 * @example decodePacked(new Uint8Array([0x01, 0x23, 0x4d]), 2) // { ok: true, value: '-12.34' }
 */
export function decodePacked(bytes: Uint8Array, scale = 0): FieldValue {
  let digits = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const last = i === bytes.length - 1;
    const nibbles = last ? [b >> 4] : [b >> 4, b & 0xf];
    for (const n of nibbles) {
      if (n > 9) return bad(`bad packed digit nibble ${n.toString(16).toUpperCase()} in byte ${i + 1} (${hex(b)})`);
      digits += String(n);
    }
  }
  const sign = bytes[bytes.length - 1]! & 0xf;
  if (!PLUS.has(sign) && !MINUS.has(sign)) return bad(`bad packed sign nibble ${sign.toString(16).toUpperCase()} (expected C, D or F)`);
  return ok(decimalText(digits, MINUS.has(sign), scale));
}
