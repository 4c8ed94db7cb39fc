import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import { detectFormat } from './detect-format.js';

const text = (s: string) => new TextEncoder().encode(s);
const docx = () => zipSync({ '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'), 'word/document.xml': strToU8('<w:document/>') });

async function failure(bytes: Uint8Array, path: string): Promise<AssayError> {
  const err = await detectFormat(bytes, path).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  expect((err as AssayError).code).toBe('DATASET_INVALID');
  return err as AssayError;
}

describe('detectFormat', () => {
  let dir = '';
  let pdf = new Uint8Array();
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'assay-detect-'));
    execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', `-sOutputFile=${join(dir, 'a.pdf')}`, '-c', 'showpage']);
    pdf = new Uint8Array(readFileSync(join(dir, 'a.pdf')));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads magic bytes: pdf, zip, and docx/xlsx by their members', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow([1, 2]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(await detectFormat(pdf, 'whatever.bin')).toEqual({ format: 'pdf' });
    expect(await detectFormat(new Uint8Array([...text('junk\r\n'), ...pdf]), 'late-header.pdf')).toEqual({ format: 'pdf' });
    expect(await detectFormat(xlsx, 'book.xlsx')).toEqual({ format: 'xlsx' });
    expect(await detectFormat(docx(), 'doc.docx')).toEqual({ format: 'docx' });
    expect(await detectFormat(docx(), 'bundle.zip')).toEqual({ format: 'docx' });
    expect(await detectFormat(zipSync({ 'a.txt': strToU8('a') }), 'a.zip')).toEqual({ format: 'zip' });
  });

  it('sniffs text formats', async () => {
    const cases: Array<[string, string, string]> = [
      ['From: a@example.org\nTo: b@example.org\nSubject: hi\n\nbody', 'mail', 'eml'],
      ['From alice@example.org Mon Jan  1 00:00:00 2024\nFrom: alice@example.org\n\nhi\n', 'box', 'mbox'],
      ['  {"a": [1, 2]}', 'data', 'json'],
      ['{"a":1}\n{"a":2}\n', 'rows.jsonl', 'json'],
      ['<?xml version="1.0"?>\n<root><a/></root>', 'x', 'xml'],
      ['<!DOCTYPE html>\n<html><body>hi</body></html>', 'page', 'html'],
      ['name,age,city\nann,3,"Paris, FR"\nbob,4,Rome\n', 'table', 'csv'],
      ['a\tb\n1\t2\n3\t4\n', 'table', 'csv'],
      ['x', 'one.csv', 'csv'],
      ['title: notes\nauthor: me\n\nHello, world.', 'notes', 'text'],
      ['Hello, world. How are you?\nFine.', 'notes.txt', 'text'],
    ];
    for (const [content, path, format] of cases) expect([path, (await detectFormat(text(content), path)).format]).toEqual([path, format]);
  });

  it('lets the caller force a format', async () => {
    expect(await detectFormat(text('0001JOHN      0042'), 'ledger.dat', { force: 'fixed_width' })).toEqual({ format: 'fixed_width' });
  });

  it('refuses empty, lying and unknown binary files with a clear reason', async () => {
    expect((await failure(new Uint8Array(), 'empty.txt')).message).toBe('empty.txt: empty file (0 bytes).');
    const lie = await failure(text('<html><body>not a pdf</body></html>'), 'report.pdf');
    expect(lie.message).toContain('named .pdf but the content is not a PDF (starts with "<html><body>not …"; it looks like html)');
    expect((await failure(zipSync({ 'a.txt': strToU8('a') }), 'doc.docx')).message).toContain('named .docx but the content is not a Word document (DOCX)');
    expect((await failure(pdf, 'a.zip')).message).toContain('it looks like pdf');
    expect((await failure(text('hello'), 'data.json')).message).toContain('named .json but the content is not JSON');
    expect((await failure(new Uint8Array([0, 1, 2, 3, 250, 251, 0, 9]), 'blob')).message).toBe('blob: binary file of unknown type.');
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
    expect((await failure(png, 'pic')).message).toContain('binary file of unsupported type png (image/png)');
  });

  it('sends a broken .json file to the JSON parser rather than calling it a lie', async () => {
    expect(await detectFormat(text('{"a": '), 'broken.json')).toEqual({ format: 'json' });
  });
});
