/**
 * The fixed-width parser: legacy records cut by a layout (`input.fixedWidthSchema`), decoded field by field (text,
 * zoned, packed, binary, date; ASCII, Latin-1 or EBCDIC cp037) into `table` elements as CSV files are: header =
 * the layout's field names, at most 200 records per element, a new table whenever the record type changes.
 * A bad record is a warning naming its number and field; the rest of the file goes on.
 */
import { AssayError } from '../../../errors/index.js';
import { CappedWarnings, TableWriter } from '../csv/index.js';
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { ElementSink, throwIfAborted } from '../shared/index.js';
import { decodeRecord } from './decode-record.js';
import { decodeRecordText } from './decode-text.js';
import { parseFixedWidthSchema } from './load-schema.js';
import type { FixedWidthField, FixedWidthSchema } from './schema.js';
import { splitRecords } from './split-records.js';

function layoutsOf(schema: FixedWidthSchema): Map<string, FixedWidthField[]> {
  if (schema.fields) return new Map([['', schema.fields]]);
  return new Map(Object.entries(schema.layouts ?? {}).map(([key, layout]) => [key, layout.fields]));
}

/** The record-type code (trimmed), or '' when the layout has no discriminator. */
function typeOf(record: Uint8Array, schema: FixedWidthSchema): string {
  if (!schema.recordType) return '';
  const from = schema.recordType.start - 1;
  return decodeRecordText(record.subarray(from, from + schema.recordType.length), schema.encoding).trim();
}

function noSchema(path: string): AssayError {
  return new AssayError('CONFIG_INVALID', `${path}: a fixed-width file needs a record layout, and none was given.`, {
    where: { file: path },
    hint: 'Pass the layout file (YAML or JSON; see src/data/parse/fixed-width/schema.ts) with the ingest record-schema option.',
  });
}

/**
 * Parses fixed-width records. No layout, or an invalid one, is CONFIG_INVALID; a record longer than
 * `limits.maxLineBytes` is LIMIT_EXCEEDED.
 * @example await fixedWidthParser.parse({ bytes, path: 'ledger.dat', sha256, limits, fixedWidthSchema: await loadFixedWidthSchema('ledger.yaml') })
 */
export const fixedWidthParser: Parser = {
  format: 'fixed_width',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    if (input.fixedWidthSchema === undefined || input.fixedWidthSchema === null) throw noSchema(input.path);
    const schema = parseFixedWidthSchema(input.fixedWidthSchema, `${input.path} (record layout)`);
    const layouts = layoutsOf(schema);
    const sink = new ElementSink(input);
    const warnings = new CappedWarnings(input.path);
    const split = { encoding: schema.encoding, recordLength: schema.recordLength, path: input.path, maxRecordBytes: input.limits.maxLineBytes };
    let table: TableWriter | undefined;
    let tableType: string | undefined;
    let records = 0;
    let skipped = 0;
    for (const record of splitRecords(input.bytes, split)) {
      records += 1;
      if (records % 1000 === 0) throwIfAborted(input.signal, input.path);
      const type = typeOf(record, schema);
      const fields = layouts.get(type);
      if (!fields) {
        skipped += 1;
        warnings.add(`record ${records}: unknown record type ${JSON.stringify(type)} (layouts: ${[...layouts.keys()].join(', ')}); skipped.`);
        continue;
      }
      if (type !== tableType || !table) {
        table?.flush();
        [table, tableType] = [new TableWriter(sink, fields.map((f) => f.name)), type];
      }
      const row = decodeRecord(record, fields, { encoding: schema.encoding, recordLength: schema.recordLength });
      for (const problem of row.problems) warnings.add(`record ${records}${type ? ` (type ${JSON.stringify(type)})` : ''}: ${problem}.`);
      table.add(row.cells);
    }
    table?.flush();
    const properties = { encoding: schema.encoding, records: String(records), skipped: String(skipped) };
    return { elements: sink.elements, properties, warnings: warnings.list(), embedded: [], units: 1 };
  },
};
