/**
 * The fixed-width record layout (a copybook in YAML or JSON). Field positions are 1-based byte columns, as in COBOL
 * copybooks and most record-layout documents: `start: 1, length: 4` is the first four bytes of the record.
 */
import { z } from 'zod';

/** Field types: text, zoned decimal (PIC 9 DISPLAY), packed decimal (COMP-3), big-endian binary (COMP), date. */
export const FIELD_TYPES = ['text', 'zoned', 'packed', 'binary', 'date'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Character encodings of the text parts of a record. */
export const RECORD_ENCODINGS = ['ascii', 'latin1', 'ebcdic-cp037'] as const;
export type RecordEncoding = (typeof RECORD_ENCODINGS)[number];

const NUMERIC: ReadonlySet<FieldType> = new Set(['zoned', 'packed', 'binary']);
const position = z.number().int().min(1);

/** One field of a layout. */
export const FixedWidthFieldSpec = z
  .object({
    name: z.string().min(1),
    /** 1-based byte column of the field's first byte. */
    start: position,
    length: z.number().int().min(1).max(4096),
    type: z.enum(FIELD_TYPES).default('text'),
    /** Decimal places implied by a numeric field (`scale: 2` reads 12345 as 123.45). */
    scale: z.number().int().min(0).max(30).optional(),
    /** Binary only: two's complement (default true, as COBOL `PIC S9 COMP`). Zoned and packed carry their sign. */
    signed: z.boolean().optional(),
    /** Date only: the pattern of the stored digits, from YYYY, YY, MM, DD, DDD (day of year) and literals. */
    format: z.string().min(2).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.scale !== undefined && !NUMERIC.has(f.type)) ctx.addIssue({ code: 'custom', path: ['scale'], message: `scale applies to zoned, packed and binary fields, not ${f.type}` });
    if (f.signed !== undefined && f.type !== 'binary') ctx.addIssue({ code: 'custom', path: ['signed'], message: 'signed applies to binary fields (zoned and packed carry their own sign)' });
    if (f.format !== undefined && f.type !== 'date') ctx.addIssue({ code: 'custom', path: ['format'], message: 'format applies to date fields' });
    if (f.type === 'binary' && f.length > 8) ctx.addIssue({ code: 'custom', path: ['length'], message: 'a binary field is 1 to 8 bytes' });
    if (f.type === 'packed' && f.length > 16) ctx.addIssue({ code: 'custom', path: ['length'], message: 'a packed field is at most 16 bytes (31 digits)' });
    if (f.type === 'date' && f.format !== undefined && !/(YY|DDD)/.test(f.format)) ctx.addIssue({ code: 'custom', path: ['format'], message: 'a date format needs YYYY or YY' });
  });
export type FixedWidthField = z.infer<typeof FixedWidthFieldSpec>;

/** One record layout. */
export const FixedWidthLayoutSpec = z.object({ fields: z.array(FixedWidthFieldSpec).min(1) }).strict();
export type FixedWidthLayout = z.infer<typeof FixedWidthLayoutSpec>;

/**
 * The whole record description: either one layout (`fields`) or several keyed by the value of the `recordType`
 * bytes (`layouts`). Without `recordLength` records are lines (LF, CRLF; EBCDIC NL 0x15 or LF 0x25), which only
 * works when no packed or binary field can hold those bytes: give `recordLength` for such files.
 * @example FixedWidthSchemaSpec.parse({ encoding: 'ascii', fields: [{ name: 'id', start: 1, length: 4 }] })
 */
export const FixedWidthSchemaSpec = z
  .object({
    encoding: z.enum(RECORD_ENCODINGS).default('ascii'),
    /** Bytes per record; absent means one record per line. */
    recordLength: z.number().int().min(1).optional(),
    /** Where the record-type code sits (1-based), read as text and trimmed, to choose a layout. */
    recordType: z.object({ start: position, length: z.number().int().min(1).max(64) }).strict().optional(),
    fields: z.array(FixedWidthFieldSpec).min(1).optional(),
    layouts: z.record(z.string().min(1), FixedWidthLayoutSpec).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    if ((s.fields === undefined) === (s.layouts === undefined)) ctx.addIssue({ code: 'custom', path: [], message: 'give either fields (one layout) or layouts (keyed by record type), not both' });
    if (s.layouts !== undefined && s.recordType === undefined) ctx.addIssue({ code: 'custom', path: ['layouts'], message: 'layouts need recordType to choose between them' });
    if (s.layouts !== undefined && Object.keys(s.layouts).length === 0) ctx.addIssue({ code: 'custom', path: ['layouts'], message: 'give at least one layout' });
    const check = (fields: FixedWidthField[], path: Array<string | number>) => {
      const seen = new Set<string>();
      fields.forEach((f, i) => {
        if (seen.has(f.name)) ctx.addIssue({ code: 'custom', path: [...path, i, 'name'], message: `duplicate field name "${f.name}"` });
        seen.add(f.name);
        const end = f.start + f.length - 1;
        if (s.recordLength !== undefined && end > s.recordLength) ctx.addIssue({ code: 'custom', path: [...path, i, 'length'], message: `ends at byte ${end}, past recordLength ${s.recordLength}` });
      });
    };
    if (s.fields) check(s.fields, ['fields']);
    for (const [key, layout] of Object.entries(s.layouts ?? {})) check(layout.fields, ['layouts', key, 'fields']);
  });
export type FixedWidthSchema = z.infer<typeof FixedWidthSchemaSpec>;
