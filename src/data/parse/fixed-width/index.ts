/** The fixed-width legacy record parser, its layout schema and loader, and the EBCDIC cp037 table. */
export { fixedWidthParser } from './fixed-width-parser.js';
export { FIELD_TYPES, FixedWidthFieldSpec, FixedWidthLayoutSpec, FixedWidthSchemaSpec, RECORD_ENCODINGS, type FieldType, type FixedWidthField, type FixedWidthLayout, type FixedWidthSchema, type RecordEncoding } from './schema.js';
export { loadFixedWidthSchema, parseFixedWidthSchema } from './load-schema.js';
export { CP037_TO_UNICODE, decodeCp037, encodeCp037 } from './cp037.js';
export { decodePacked } from './decode-packed.js';
export { decodeZoned } from './decode-zoned.js';
export { decodeBinary } from './decode-binary.js';
export { decodeDate } from './decode-date.js';
