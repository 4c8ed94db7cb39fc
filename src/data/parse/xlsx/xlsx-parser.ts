/**
 * The XLSX parser (exceljs): per sheet a title, its page header, its used range as tables of at most 200 rows
 * (header row repeated) and its page footer; workbook and custom properties.
 */
import ExcelJS from 'exceljs';
import { AssayError } from '../../../errors/index.js';
import { officeProperties, readOfficePackage } from '../docx/index.js';
import { pushBlocks, tableBlock, tablePieces, type Block } from '../html/index.js';
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { ElementSink, throwIfAborted } from '../shared/index.js';
import { headerFooterText } from './header-footer-text.js';
import { sheetRows } from './sheet-rows.js';

/** Rows per table element, the repeated header included. */
export const MAX_TABLE_ROWS = 200;

async function loadWorkbook(input: ParseInput): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer; the runtime takes any Buffer.
    await workbook.xlsx.load(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new AssayError('DATASET_INVALID', `${input.path}: the Excel workbook cannot be read (${(err as Error).message}).`, {
      where: { file: input.path },
      cause: err,
      hint: 'The file is damaged or not really an XLSX; open and re-save it in Excel, then ingest again.',
    });
  }
  return workbook;
}

/** Distinct, non-blank header (or footer) texts of a sheet: odd pages, then even and first page when they differ. */
function furniture(sheet: ExcelJS.Worksheet, kind: 'Header' | 'Footer'): Block[] {
  const hf: Partial<ExcelJS.HeaderFooter> = sheet.headerFooter ?? {};
  const codes = [hf[`odd${kind}`], hf[`even${kind}`], hf[`first${kind}`]];
  const texts = codes.map((c) => (typeof c === 'string' ? headerFooterText(c) : '')).filter((t) => t !== '');
  return [...new Set(texts)].map((text) => ({ type: kind === 'Header' ? 'header' : 'footer', text }));
}

function workbookProperties(workbook: ExcelJS.Workbook): Record<string, string> {
  const out: Record<string, string> = {};
  const strings = { title: workbook.title, subject: workbook.subject, author: workbook.creator, keywords: workbook.keywords, lastModifiedBy: workbook.lastModifiedBy };
  for (const [name, value] of Object.entries(strings)) if (typeof value === 'string' && value.trim()) out[name] = value.trim();
  for (const [name, value] of [['created', workbook.created], ['modified', workbook.modified]] as const) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) out[name] = value.toISOString();
  }
  return out;
}

/**
 * Parses a workbook. Elements carry `page` = the sheet's position (1-based), so lineage says which sheet; `units`
 * is the sheet count. Encrypted or damaged workbooks are DATASET_INVALID; a cell over `limits.maxLineBytes` is
 * LIMIT_EXCEEDED naming the cell.
 * @example const parsed = await xlsxParser.parse({ bytes, path: 'book.xlsx', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const xlsxParser: Parser = {
  format: 'xlsx',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    const { parts } = readOfficePackage(input, 'xlsx', (name) => name === 'docProps/custom.xml');
    const workbook = await loadWorkbook(input);
    const sink = new ElementSink(input);
    const names: string[] = [];
    for (const [i, sheet] of workbook.worksheets.entries()) {
      throwIfAborted(input.signal, input.path);
      names.push(sheet.name);
      const rows = sheetRows(sheet, { path: input.path, maxLineBytes: input.limits.maxLineBytes });
      const tables = tablePieces(rows, MAX_TABLE_ROWS).map(tableBlock);
      const blocks: Block[] = [{ type: 'title', text: sheet.name, level: 1 }, ...furniture(sheet, 'Header'), ...tables, ...furniture(sheet, 'Footer')];
      pushBlocks(sink, input, blocks, { page: i + 1, where: `sheet ${JSON.stringify(sheet.name)}` });
    }
    const properties = { ...workbookProperties(workbook), ...officeProperties({ custom: parts.get('docProps/custom.xml') }, input.path), sheets: JSON.stringify(names) };
    return { elements: sink.elements, properties, warnings: [], embedded: [], units: workbook.worksheets.length };
  },
};
