/**
 * Zoned decimal (PIC S9 DISPLAY): one digit per byte, the sign over-punched in the last byte. In EBCDIC the zone
 * nibble is the sign (F or C plus, D minus); in ASCII files the over-punch shows as `{`, `A`–`I` (plus 0–9),
 * `}`, `J`–`R` (minus 0–9), or 0x70–0x79 (minus, Micro Focus). Leading spaces read as zeros; all spaces is empty.
 */
import type { RecordEncoding } from './schema.js';
import { decimalText } from './decimal-text.js';
import { bad, hex, ok, type FieldValue } from './field-value.js';

const PLUS_ZONES = new Set([0xa, 0xc, 0xe, 0xf]);
const MINUS_ZONES = new Set([0xb, 0xd]);

function ebcdicDigit(b: number, last: boolean): { digit: number; negative: boolean } | undefined {
  const zone = b >> 4;
  const digit = b & 0xf;
  if (digit > 9) return undefined;
  if (!last) return zone === 0xf ? { digit, negative: false } : undefined;
  if (PLUS_ZONES.has(zone)) return { digit, negative: false };
  return MINUS_ZONES.has(zone) ? { digit, negative: true } : undefined;
}

function asciiDigit(b: number, last: boolean): { digit: number; negative: boolean } | undefined {
  if (b >= 0x30 && b <= 0x39) return { digit: b - 0x30, negative: false };
  if (!last) return undefined;
  if (b === 0x7b) return { digit: 0, negative: false }; // {
  if (b === 0x7d) return { digit: 0, negative: true }; // }
  if (b >= 0x41 && b <= 0x49) return { digit: b - 0x40, negative: false }; // A-I
  if (b >= 0x4a && b <= 0x52) return { digit: b - 0x49, negative: true }; // J-R
  if (b >= 0x70 && b <= 0x79) return { digit: b - 0x70, negative: true };
  return undefined;
}

/**
 * Decodes zoned decimal in the file's encoding.
 * @example decodeZoned(new Uint8Array([0xf1, 0xf2, 0xd3]), 'ebcdic-cp037', 1) // { ok: true, value: '-12.3' }
 */
export function decodeZoned(bytes: Uint8Array, encoding: RecordEncoding, scale = 0): FieldValue {
  const space = encoding === 'ebcdic-cp037' ? 0x40 : 0x20;
  let i = 0;
  while (i < bytes.length && bytes[i] === space) i += 1;
  if (i === bytes.length) return ok('');
  const read = encoding === 'ebcdic-cp037' ? ebcdicDigit : asciiDigit;
  let digits = '';
  let negative = false;
  for (; i < bytes.length; i++) {
    const d = read(bytes[i]!, i === bytes.length - 1);
    if (!d) return bad(`bad zoned digit ${hex(bytes[i]!)} in byte ${i + 1}`);
    digits += String(d.digit);
    negative = d.negative;
  }
  return ok(decimalText(digits, negative, scale));
}
