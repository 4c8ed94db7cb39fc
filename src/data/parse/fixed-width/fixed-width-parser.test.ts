import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { parseElements } from '../../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { encodeCp037, fixedWidthParser, loadFixedWidthSchema } from './index.js';

const LAYOUT = path.resolve(import.meta.dirname, '../../../../test/fixtures/parse/legacy/ledger.layout.yaml');

function input(bytes: Uint8Array, fixedWidthSchema: unknown, overrides: Partial<ParseInput> = {}): ParseInput {
  return { bytes, path: 'ledger.dat', sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS, fixedWidthSchema, ...overrides };
}

/** COMP-3: `digits` (signed integer, scale already applied) in `length` bytes, sign nibble C or D. */
function packed(value: number, length: number): Uint8Array {
  const nibbles = `${Math.abs(value)}`.padStart(length * 2 - 1, '0') + (value < 0 ? 'D' : 'C');
  return Uint8Array.from({ length }, (_, i) => parseInt(nibbles.slice(i * 2, i * 2 + 2), 16));
}
/** EBCDIC zoned: digits F0–F9, the last byte's zone C/D for a sign (F when unsigned). */
function zoned(value: number, length: number, signed = true): Uint8Array {
  const bytes = encodeCp037(`${Math.abs(value)}`.padStart(length, '0'));
  bytes[length - 1] = ((signed ? (value < 0 ? 0xd : 0xc) : 0xf) << 4) | (bytes[length - 1]! & 0xf);
  return bytes;
}
/** Big-endian two's complement in `length` (at most 4) bytes. */
const binary = (value: number, length: number) => Uint8Array.from({ length }, (_, i) => (value >> ((length - 1 - i) * 8)) & 0xff);
const text = (s: string, length: number) => encodeCp037(s.padEnd(length, ' '));
const concat = (parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

function detail(account: string, name: string, amount: Uint8Array, qty: number, balance: number, count: number, posted: number): Uint8Array {
  return concat([text('D', 1), text(account, 6), text(name, 12), amount, zoned(qty, 4), zoned(balance, 6), binary(count, 2), binary(posted, 4)]);
}

/** Notional training ledger: a header record, three details (one with a bad packed nibble) and a cut-off record. */
function ledger(): Uint8Array {
  const header = concat([text('H', 1), text('BATCH001', 8), text('20241001', 8), text('CUI', 23)]);
  const records = [
    header,
    detail('000101', 'ANN ANALYST', packed(123456, 5), 7, -9876, 3, 20241001),
    detail('000102', 'BOB BUILDER', packed(-4200, 5), 12, 0, -1, 1),
    detail('000103', 'CAROL CLERK', Uint8Array.from([0x00, 0x00, 0x0a, 0x00, 0x0c]), 1, 1, 1, 1),
    detail('000104', 'DAVE DRIVER', packed(5, 5), 0, 0, 0, 0).subarray(0, 25),
  ];
  records.slice(0, 4).forEach((r) => expect(r.length).toBe(40));
  return concat(records);
}

describe('fixedWidthParser', () => {
  it('decodes an EBCDIC file with two record types, packed and zoned decimals and binary ints into tables', async () => {
    const schema = await loadFixedWidthSchema(LAYOUT);
    const parsed = await fixedWidthParser.parse(input(ledger(), schema));
    expect(parsed.elements.map((e) => e.type)).toEqual(['table', 'table']);
    expect(parsed.elements[0]!.metadata.table!.rows).toEqual([
      ['type', 'batch', 'run_date', 'banner'],
      ['H', 'BATCH001', '2024-10-01', 'CUI'],
    ]);
    expect(parsed.elements[1]!.metadata.table!.rows).toEqual([
      ['type', 'account', 'name', 'amount', 'quantity', 'balance', 'count', 'posted'],
      ['D', '000101', 'ANN ANALYST', '1234.56', '7', '-98.76', '3', '20241001'],
      ['D', '000102', 'BOB BUILDER', '-42.00', '12', '0.00', '-1', '1'],
      ['D', '000103', 'CAROL CLERK', '', '1', '0.01', '1', '1'],
      ['D', '000104', 'DAVE DRIVER', '0.05', '', '', '', ''],
    ]);
    expect(parsed.elements[1]!.text.split('\n')[1]).toBe('D | 000101 | ANN ANALYST | 1234.56 | 7 | -98.76 | 3 | 20241001');
    expect(parsed.warnings).toEqual([
      'ledger.dat: record 4 (type "D"): field "amount": bad packed digit nibble A in byte 3 (0x0A) (left empty).',
      'ledger.dat: record 5 (type "D"): short record (25 of 40 bytes); missing field "quantity", field "balance", field "count", field "posted" (left empty).',
    ]);
    expect(parsed.properties).toEqual({ encoding: 'ebcdic-cp037', records: '5', skipped: '0' });
    parseElements(parsed.elements);
    expect(parsed.elements[1]!.position.charStart).toBe(parsed.elements[0]!.text.length + 2);
  });

  it('reads newline-delimited ASCII records with a type code, skipping an unknown type with a warning', async () => {
    const schema = {
      recordType: { start: 1, length: 2 },
      layouts: {
        '01': { fields: [{ name: 'code', start: 1, length: 2 }, { name: 'name', start: 3, length: 10 }, { name: 'amount', start: 13, length: 5, type: 'zoned', scale: 2 }] },
        '02': { fields: [{ name: 'code', start: 1, length: 2 }, { name: 'total', start: 3, length: 6, type: 'zoned' }] },
      },
    };
    const bytes = new TextEncoder().encode('01Ann       0012J\r\n01Bob       00500\r\n99junk\r\n\r\n02000002\r\n');
    const parsed = await fixedWidthParser.parse(input(bytes, schema));
    expect(parsed.elements.map((e) => e.metadata.table!.rows)).toEqual([
      [['code', 'name', 'amount'], ['01', 'Ann', '-1.21'], ['01', 'Bob', '5.00']],
      [['code', 'total'], ['02', '2']],
    ]);
    expect(parsed.warnings).toEqual(['ledger.dat: record 3: unknown record type "99" (layouts: 01, 02); skipped.']);
    expect(parsed.properties.skipped).toBe('1');
  });

  it('splits EBCDIC lines on NL (0x15) and LF (0x25), and gives the same ids on a second parse', async () => {
    const schema = { encoding: 'ebcdic-cp037', fields: [{ name: 'id', start: 1, length: 3 }, { name: 'qty', start: 4, length: 3, type: 'zoned' }] };
    const bytes = concat([text('A01', 3), zoned(-12, 3), Uint8Array.of(0x15), text('A02', 3), zoned(7, 3, false), Uint8Array.of(0x25)]);
    const [a, b] = await Promise.all([fixedWidthParser.parse(input(bytes, schema)), fixedWidthParser.parse(input(bytes, schema))]);
    expect(a.elements[0]!.metadata.table!.rows).toEqual([['id', 'qty'], ['A01', '-12'], ['A02', '7']]);
    expect(a.warnings).toEqual([]);
    expect(a.elements.map((e) => e.id)).toEqual(b.elements.map((e) => e.id));
  });

  it('throws CONFIG_INVALID without a layout or with a bad one', async () => {
    const bytes = new TextEncoder().encode('0001\n');
    await expect(fixedWidthParser.parse(input(bytes, undefined))).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    const err = await fixedWidthParser.parse(input(bytes, { fields: [{ name: 'id', start: 0, length: 4, type: 'money' }] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('CONFIG_INVALID');
    expect((err as AssayError).message).toContain('field "fields[0].start"');
    expect((err as AssayError).message).toContain('field "fields[0].type"');
  });

  it('refuses a line over limits.maxLineBytes with LIMIT_EXCEEDED naming the record', async () => {
    const bytes = new TextEncoder().encode(`0001\n${'9'.repeat(3000)}\n`);
    const limits = { ...DEFAULT_PARSE_LIMITS, maxLineBytes: 1000 };
    const err = await fixedWidthParser.parse(input(bytes, { fields: [{ name: 'id', start: 1, length: 4 }] }, { limits })).catch((e: unknown) => e);
    expect((err as AssayError).code).toBe('LIMIT_EXCEEDED');
    expect((err as AssayError).message).toContain('record 2');
  });
});
