/**
 * The CSV/TSV parser: decode (UTF-8, else a named guess), sniff the delimiter, split records with csv-parse, then
 * emit banner rows as header/footer elements and the rest as `table` elements of at most 200 rows (header
 * repeated; text rendered as in table-elements.ts). Ragged rows are warnings, never failures.
 */
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { decodeText, ElementSink, throwIfAborted } from '../shared/index.js';
import { bannerRow } from './banner-row.js';
import { CappedWarnings } from './capped-warnings.js';
import { readRecords, type CsvRecord } from './read-records.js';
import { sniffDelimiter, type Delimiter } from './sniff-delimiter.js';
import { renderRow, TableWriter } from './table-elements.js';

const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', '\t': 'tab', ';': 'semicolon', '|': 'pipe' };

/** Leading and trailing banner rows, and the table between them. */
function splitBanners(records: CsvRecord[]): { head: string[]; body: CsvRecord[]; foot: string[] } {
  let start = 0;
  let end = records.length;
  const head: string[] = [];
  const foot: string[] = [];
  for (let b: string | null; start < end && (b = bannerRow(records[start]!.cells)) !== null; start++) head.push(b);
  for (let b: string | null; end > start && (b = bannerRow(records[end - 1]!.cells)) !== null; end--) foot.unshift(b);
  return { head, body: records.slice(start, end), foot };
}

/** Writes the table; rows shorter than the header are padded with empty cells, longer ones kept whole. */
function writeTable(body: CsvRecord[], sink: ElementSink, warnings: CappedWarnings, signal: AbortSignal | undefined, path: string): void {
  const [header, ...rows] = body;
  if (!header) return;
  const width = header.cells.length;
  const table = new TableWriter(sink, header.cells);
  for (const [i, row] of rows.entries()) {
    if (i % 1000 === 0) throwIfAborted(signal, path);
    if (row.cells.length !== width) {
      const fix = row.cells.length < width ? 'missing cells left empty' : 'extra cells kept';
      warnings.add(`line ${row.line}: ${row.cells.length} fields, expected ${width} (${fix}).`);
    }
    table.add(row.cells.length < width ? [...row.cells, ...Array<string>(width - row.cells.length).fill('')] : row.cells);
  }
  if (rows.length === 0) sink.push('table', renderRow(header.cells), { metadata: { table: { rows: [[...header.cells]] } } });
  table.flush();
}

/**
 * Parses comma, tab, semicolon or pipe separated text. A field longer than `limits.maxLineBytes` is LIMIT_EXCEEDED
 * naming the line; an unclosed quote is DATASET_INVALID naming the line.
 * @example const parsed = await csvParser.parse({ bytes, path: 'people.csv', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const csvParser: Parser = {
  format: 'csv',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    const decoded = decodeText(input.bytes, { ranked: true });
    const delimiter = sniffDelimiter(decoded.text);
    const records = readRecords(decoded.text, { path: input.path, delimiter, maxRecordBytes: input.limits.maxLineBytes });
    throwIfAborted(input.signal, input.path);
    const warnings = new CappedWarnings(input.path);
    const sink = new ElementSink(input);
    const { head, body, foot } = splitBanners(records);
    for (const banner of head) sink.push('header', banner);
    writeTable(body, sink, warnings, input.signal, input.path);
    for (const banner of foot) sink.push('footer', banner);
    const encodingNote = decoded.guessedEncoding
      ? [`${input.path}: not valid UTF-8; decoded as ${decoded.guessedEncoding} (confidence ${decoded.confidence ?? 0}%: check accented characters).`]
      : [];
    const properties: Record<string, string> = {
      encoding: decoded.guessedEncoding ?? 'UTF-8',
      delimiter: DELIMITER_NAMES[delimiter],
      rows: String(Math.max(0, body.length - 1)),
      columns: String(body[0]?.cells.length ?? 0),
    };
    return { elements: sink.elements, properties, warnings: [...encodingNote, ...warnings.list()], embedded: [], units: 1 };
  },
};
