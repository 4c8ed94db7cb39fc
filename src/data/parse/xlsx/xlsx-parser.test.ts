import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { labelElements } from '../../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { cellText, headerFooterText, MAX_TABLE_ROWS, xlsxParser } from './index.js';

function input(bytes: Uint8Array, overrides: Partial<ParseInput> = {}): ParseInput {
  return { bytes, path: 'book.xlsx', sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS, ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<AssayError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function twoSheets(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = 'Readiness';
  wb.creator = 'J. Analyst';
  wb.created = new Date('2024-03-01T09:00:00Z');
  const units = wb.addWorksheet('Units');
  units.headerFooter.oddHeader = '&L&"Arial,Bold"&12&CSECRET//NOFORN&RPage &P of &N';
  units.headerFooter.oddFooter = '&CSECRET//NOFORN';
  units.addRow(['Unit', 'Since', 'Strength', 'Note']);
  units.addRow(['Alpha', new Date('2024-01-15T00:00:00Z'), 40, { richText: [{ text: '(S//NF) ' }, { text: 'forward' }] }]);
  units.addRow(['Bravo', new Date('2023-11-02T00:00:00Z'), 25, { error: '#N/A' }]);
  units.getCell('C4').value = { formula: 'C2+C3', result: 65 };
  units.getCell('A4').value = 'Total';
  const notes = wb.addWorksheet('Notes');
  notes.getCell('B2').value = 'Checked';
  notes.getCell('C2').value = true;
  notes.getCell('B3').value = 'Merged note';
  notes.mergeCells('B3:C3');
  return toBytes(wb);
}

describe('xlsxParser', () => {
  it('gives a title per sheet, header/footer banners, tables with dates, formula results and rich text', async () => {
    const parsed = await xlsxParser.parse(input(await twoSheets()));
    expect(parsed.units).toBe(2);
    expect(parsed.elements.map((e) => [e.type, e.text, e.page])).toEqual([
      ['title', 'Units', 1],
      ['header', 'SECRET//NOFORN\nPage [page] of [pages]', 1],
      ['table', 'Unit | Since | Strength | Note\nAlpha | 2024-01-15 | 40 | (S//NF) forward\nBravo | 2023-11-02 | 25 | #N/A\nTotal |  | 65 | ', 1],
      ['footer', 'SECRET//NOFORN', 1],
      ['title', 'Notes', 2],
      ['table', 'Checked | TRUE\nMerged note | ', 2],
    ]);
    expect(parsed.elements[2]!.metadata.table?.rows[0]).toEqual(['Unit', 'Since', 'Strength', 'Note']);
    expect(parsed.properties).toMatchObject({ title: 'Readiness', author: 'J. Analyst', created: '2024-03-01T09:00:00.000Z', sheets: '["Units","Notes"]' });
    expect(labelElements(parsed.elements)[4]!.label).toBe('SECRET//NOFORN');
  });

  it('splits a long sheet into tables of at most 200 rows, the header repeated', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Log');
    sheet.addRow(['n', 'square']);
    for (let n = 1; n <= 450; n++) sheet.addRow([n, n * n]);
    const parsed = await xlsxParser.parse(input(await toBytes(wb)));
    const tables = parsed.elements.filter((e) => e.type === 'table');
    expect(tables.map((t) => t.metadata.table!.rows.length)).toEqual([MAX_TABLE_ROWS, MAX_TABLE_ROWS, 450 - 2 * (MAX_TABLE_ROWS - 1) + 1]);
    for (const t of tables) expect(t.metadata.table!.rows[0]).toEqual(['n', 'square']);
    expect(tables[1]!.metadata.table!.rows[1]).toEqual(['200', '40000']);
    expect(tables[2]!.metadata.table!.rows.at(-1)).toEqual(['450', '202500']);
  });

  it('reads custom properties (where labelling tools keep a classification)', async () => {
    const files = unzipSync(await twoSheets());
    files['docProps/custom.xml'] = strToU8('<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Classification"><vt:lpwstr>SECRET</vt:lpwstr></property></Properties>');
    const parsed = await xlsxParser.parse(input(zipSync(files)));
    expect(parsed.properties['custom.Classification']).toBe('SECRET');
  });

  it('refuses a cell over limits.maxLineBytes, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blob').getCell('B3').value = 'x'.repeat(5000);
    const err = await failure(xlsxParser.parse(input(await toBytes(wb), { limits: { ...DEFAULT_PARSE_LIMITS, maxLineBytes: 1000 } })));
    expect(err.code).toBe('LIMIT_EXCEEDED');
    expect(err.message).toContain('Blob!B3');
  });

  it('refuses encrypted, damaged and foreign files with DATASET_INVALID', async () => {
    const cfb = new Uint8Array(2048);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(Buffer.from('EncryptionInfo', 'utf16le'), 600);
    expect((await failure(xlsxParser.parse(input(cfb)))).message).toMatch(/password-protected \(encrypted\) Excel workbook/);
    const files = unzipSync(await twoSheets());
    files['xl/workbook.xml'] = strToU8('<workbook><sheets><sheet name="x" r:id="nope"');
    const broken = await failure(xlsxParser.parse(input(zipSync(files))));
    expect(broken.code).toBe('DATASET_INVALID');
    expect((await failure(xlsxParser.parse(input(strToU8('a,b\n1,2\n'))))).code).toBe('DATASET_INVALID');
  });
});

describe('cell and header text', () => {
  it('turns cell values and header codes into text', () => {
    expect(cellText({ formula: 'A1', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(cellText(new Date('2024-05-06T07:08:09Z'))).toBe('2024-05-06T07:08:09.000Z');
    expect(cellText({ text: 'site', hyperlink: 'http://x' })).toBe('site');
    expect(headerFooterText('&CTOP SECRET&&more&K00FF00x')).toBe('TOP SECRET&morex');
  });
});
