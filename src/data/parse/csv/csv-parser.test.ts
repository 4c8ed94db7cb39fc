import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { labelElements, parseElements } from '../../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type ParsedFile, type ParseInput } from '../parser.js';
import { csvParser, sniffDelimiter, TABLE_PIECE_ROWS } from './index.js';

function input(bytes: Uint8Array, overrides: Partial<ParseInput> = {}): ParseInput {
  return { bytes, path: 'people.csv', sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS, ...overrides };
}
const utf8 = (s: string) => new TextEncoder().encode(s);
const rowsOf = (parsed: ParsedFile) => parsed.elements.filter((e) => e.type === 'table').flatMap((e) => e.metadata.table!.rows.slice(1));

function expectOffsets(parsed: ParsedFile): void {
  parseElements(parsed.elements);
  const joined = parsed.elements.map((e) => e.text).join('\n\n');
  parsed.elements.forEach((e, i) => {
    expect(e.position.index).toBe(i);
    expect(joined.slice(e.position.charStart, e.position.charEnd)).toBe(e.text);
  });
}

describe('csvParser', () => {
  it('reads UTF-8 CSV with quoted fields into a table element rendered row by row', async () => {
    const parsed = await csvParser.parse(input(utf8('name,city,note\r\nAnn,"Paris, FR","said ""hi""\ntwice"\r\nBob,Oslo,\r\n')));
    expect(parsed.elements).toHaveLength(1);
    const table = parsed.elements[0]!;
    expect(table.type).toBe('table');
    expect(table.metadata.table!.rows).toEqual([['name', 'city', 'note'], ['Ann', 'Paris, FR', 'said "hi"\ntwice'], ['Bob', 'Oslo', '']]);
    expect(table.text).toBe('name | city | note\nAnn | Paris, FR | said "hi" twice\nBob | Oslo | ');
    expect(parsed.warnings).toEqual([]);
    expect(parsed.properties).toMatchObject({ encoding: 'UTF-8', delimiter: 'comma', rows: '2', columns: '3' });
    expectOffsets(parsed);
  });

  it('decodes Windows-1252 and says which encoding it guessed, with the confidence', async () => {
    const text = 'name;remark\nRené;l’été à Montréal\nZoë;it’s “fine” – café\n';
    const parsed = await csvParser.parse(input(iconv.encode(text, 'windows-1252')));
    expect(rowsOf(parsed)).toEqual([['René', 'l’été à Montréal'], ['Zoë', 'it’s “fine” – café']]);
    expect(parsed.properties.delimiter).toBe('semicolon');
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(/not valid UTF-8; decoded as windows-1252 \(confidence \d+%/);
  });

  it('decodes UTF-16LE with a byte-order mark, tab-separated', async () => {
    const bytes = iconv.encode('id\tname\n1\tÅsa\n2\tłukasz\n', 'utf-16le', { addBOM: true });
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
    const parsed = await csvParser.parse(input(bytes, { path: 'people.tsv' }));
    expect(rowsOf(parsed)).toEqual([['1', 'Åsa'], ['2', 'łukasz']]);
    expect(parsed.properties).toMatchObject({ encoding: 'UTF-16LE', delimiter: 'tab' });
    expect(parsed.warnings[0]).toContain('UTF-16LE (confidence 100%');
  });

  it('sniffs semicolon and pipe delimiters even when commas appear inside cells', async () => {
    expect(sniffDelimiter('a;b;c\n1,5;2,5;3\n4;5;6\n')).toBe(';');
    expect(sniffDelimiter('a|b\nx, y|z\n')).toBe('|');
    expect(sniffDelimiter('only\none\n')).toBe(',');
    const parsed = await csvParser.parse(input(utf8('price;qty\n1,50;3\n2,75;4\n')));
    expect(rowsOf(parsed)).toEqual([['1,50', '3'], ['2,75', '4']]);
  });

  it('keeps a ragged row with a warning naming its line', async () => {
    const parsed = await csvParser.parse(input(utf8('a,b,c\n1,2,3\n4,5\n\n6,7,8,9\n')));
    expect(rowsOf(parsed)).toEqual([['1', '2', '3'], ['4', '5', ''], ['6', '7', '8', '9']]);
    expect(parsed.warnings).toEqual([
      'people.csv: line 3: 2 fields, expected 3 (missing cells left empty).',
      'people.csv: line 5: 4 fields, expected 3 (extra cells kept).',
    ]);
  });

  it('keeps a CUI banner row as a header element and a marking in a cell visible in the text', async () => {
    const csv = 'CUI,,\nname,ssn,note\nAnn,123-45-6789,(CUI) sensitive\nBob,987-65-4320,none\nCUI,,\n';
    const parsed = await csvParser.parse(input(utf8(csv)));
    expect(parsed.elements.map((e) => e.type)).toEqual(['header', 'table', 'footer']);
    expect(parsed.elements[0]!.text).toBe('CUI');
    expect(parsed.elements[1]!.metadata.table!.rows[0]).toEqual(['name', 'ssn', 'note']);
    expect(parsed.elements[1]!.text).toContain('Ann | 123-45-6789 | (CUI) sensitive');
    expect(labelElements(parsed.elements).map((e) => e.label)).toEqual(['CUI', 'CUI', 'CUI']);
    expectOffsets(parsed);
  });

  it(`cuts a long table into pieces of ${TABLE_PIECE_ROWS} rows with the header repeated`, async () => {
    const lines = ['n,square', ...Array.from({ length: 450 }, (_, i) => `${i},${i * i}`)];
    const parsed = await csvParser.parse(input(utf8(lines.join('\n'))));
    expect(parsed.elements.map((e) => e.metadata.table!.rows.length)).toEqual([201, 201, 51]);
    for (const e of parsed.elements) expect(e.text.split('\n')[0]).toBe('n | square');
    expect(rowsOf(parsed).map((r) => r[0])).toEqual(Array.from({ length: 450 }, (_, i) => String(i)));
    expectOffsets(parsed);
    const again = await csvParser.parse(input(utf8(lines.join('\n'))));
    expect(again.elements.map((e) => e.id)).toEqual(parsed.elements.map((e) => e.id));
  });

  it('refuses a field over limits.maxLineBytes with LIMIT_EXCEEDED naming the line', async () => {
    const bytes = utf8(`a,b\n1,2\n3,"${'x'.repeat(5000)}"\n`);
    const err = await csvParser.parse(input(bytes, { limits: { ...DEFAULT_PARSE_LIMITS, maxLineBytes: 1000 } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('LIMIT_EXCEEDED');
    expect((err as AssayError).where?.line).toBe(3);
    expect((err as AssayError).message).toContain('line 3');
  });

  it('reports an unclosed quote as DATASET_INVALID, not a raw csv-parse error', async () => {
    await expect(csvParser.parse(input(utf8('a,b\n1,"open\n2,3\n')))).rejects.toMatchObject({ code: 'DATASET_INVALID' });
  });

  it('never throws a raw iconv error on bytes no encoding fits', async () => {
    const bytes = Uint8Array.from({ length: 600 }, (_, i) => (i % 7 === 0 ? 0x0a : i % 3 === 0 ? 0x2c : 0x80 + (i % 128)));
    const parsed = await csvParser.parse(input(bytes));
    expect(parsed.warnings[0]).toMatch(/not valid UTF-8; decoded as/);
    expect(parsed.elements.length).toBeGreaterThan(0);
  });

  it('stops when the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(csvParser.parse(input(utf8('a,b\n1,2\n'), { signal: controller.signal }))).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
