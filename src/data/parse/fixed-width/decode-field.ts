/** One field of one record, by its declared type. Text is trimmed of padding spaces (both ends). */
import { decodeBinary } from './decode-binary.js';
import { decodeDate } from './decode-date.js';
import { decodePacked } from './decode-packed.js';
import { decodeRecordText } from './decode-text.js';
import { decodeZoned } from './decode-zoned.js';
import { ok, type FieldValue } from './field-value.js';
import type { FixedWidthField, RecordEncoding } from './schema.js';

/**
 * The field's value from its bytes (already cut from the record).
 * @example decodeField(new Uint8Array([0x12, 0x3c]), { name: 'amt', start: 1, length: 2, type: 'packed', scale: 1 }, 'ebcdic-cp037') // { ok: true, value: '12.3' }
 */
export function decodeField(bytes: Uint8Array, field: FixedWidthField, encoding: RecordEncoding): FieldValue {
  switch (field.type) {
    case 'text':
      return ok(decodeRecordText(bytes, encoding).trim());
    case 'zoned':
      return decodeZoned(bytes, encoding, field.scale);
    case 'packed':
      return decodePacked(bytes, field.scale);
    case 'binary':
      return decodeBinary(bytes, { signed: field.signed, scale: field.scale });
    case 'date':
      return decodeDate(decodeRecordText(bytes, encoding), field.format);
  }
}
