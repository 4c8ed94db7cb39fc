/** Splits delimited text into records with csv-parse, each with its line number; parse failures become AssayErrors. */
import { CsvError, parse, type InfoRecord } from 'csv-parse/sync';
import { AssayError } from '../../../errors/index.js';

/** One record: its cells and the 1-based line it ends on (a quoted field may span lines). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** Options for `readRecords`. */
export interface ReadRecordsOptions {
  path: string;
  delimiter: string;
  /** A record (line) longer than this is LIMIT_EXCEEDED. */
  maxRecordBytes: number;
}

function toAssayError(err: unknown, path: string, maxRecordBytes: number): AssayError {
  const line = err instanceof CsvError && typeof err.lines === 'number' ? err.lines : undefined;
  const where = { file: path, ...(line === undefined ? {} : { line }) };
  const at = line === undefined ? '' : ` at line ${line}`;
  if (err instanceof CsvError && err.code === 'CSV_MAX_RECORD_SIZE') {
    return new AssayError('LIMIT_EXCEEDED', `${path}: a field${at} is longer than ${maxRecordBytes} bytes.`, {
      where,
      cause: err,
      hint: 'The file is probably not delimited text, or a quote is never closed; raise limits.maxLineBytes only if the field is genuine.',
    });
  }
  const reason = err instanceof CsvError ? err.message.replace(/^[^:]+:\s*/, '') : String(err);
  return new AssayError('DATASET_INVALID', `${path}: not readable as delimited text${at}: ${reason}`, {
    where,
    cause: err,
    hint: 'Check the quoting near that line (a quote that is never closed swallows the rest of the file).',
  });
}

/**
 * Every non-empty record. Rows may have any number of cells (`relax_column_count`); a stray quote inside a field is
 * kept as text (`relax_quotes`); a byte-order mark is dropped.
 * @example readRecords('a,b\n1,2\n', { path: 'x.csv', delimiter: ',', maxRecordBytes: 1e6 }) // [{ cells: ['a','b'], line: 1 }, …]
 */
export function readRecords(text: string, options: ReadRecordsOptions): CsvRecord[] {
  try {
    // With `info: true` csv-parse returns `{ record, info }` objects; its typings only describe the plain form.
    const rows = parse(text, {
      delimiter: options.delimiter,
      info: true,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: options.maxRecordBytes,
    }) as unknown as Array<{ record: string[]; info: InfoRecord }>;
    return rows.map((r) => ({ cells: r.record, line: r.info.lines }));
  } catch (err) {
    throw toAssayError(err, options.path, options.maxRecordBytes);
  }
}
