import { describe, expect, it } from 'vitest';
import { CP037_TO_UNICODE, decodeBinary, decodeCp037, decodeDate, decodePacked, decodeZoned, encodeCp037 } from './index.js';

describe('cp037 table', () => {
  it('maps the known code points and round-trips', () => {
    expect(CP037_TO_UNICODE).toHaveLength(256);
    expect(decodeCp037(new Uint8Array([0xc1, 0x81, 0xf0, 0x40, 0x4b, 0x5b, 0x7c]))).toBe('Aa0 .$@');
    expect([...encodeCp037('A')]).toEqual([0xc1]);
    expect([...encodeCp037('a')]).toEqual([0x81]);
    expect([...encodeCp037('0')]).toEqual([0xf0]);
    expect([...encodeCp037(' ')]).toEqual([0x40]);
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...encodeCp037(decodeCp037(all))]).toEqual([...all]);
  });
});

describe('numeric decoders', () => {
  it('reads packed decimal with C, D and F signs and a scale', () => {
    expect(decodePacked(new Uint8Array([0x00, 0x12, 0x34, 0x5c]), 2)).toEqual({ ok: true, value: '123.45' });
    expect(decodePacked(new Uint8Array([0x00, 0x12, 0x34, 0x5d]), 2)).toEqual({ ok: true, value: '-123.45' });
    expect(decodePacked(new Uint8Array([0x00, 0x5f]), 2)).toEqual({ ok: true, value: '0.05' });
    expect(decodePacked(new Uint8Array([0x00, 0x0d]))).toEqual({ ok: true, value: '0' });
    expect(decodePacked(new Uint8Array([0x1a, 0x2c]))).toEqual({ ok: false, problem: 'bad packed digit nibble A in byte 1 (0x1A)' });
    expect(decodePacked(new Uint8Array([0x12, 0x34]))).toMatchObject({ ok: false, problem: expect.stringContaining('sign nibble 4') });
  });

  it('reads zoned decimal with EBCDIC and ASCII sign over-punch', () => {
    expect(decodeZoned(new Uint8Array([0xf0, 0xf1, 0xf2, 0xc3]), 'ebcdic-cp037')).toEqual({ ok: true, value: '123' });
    expect(decodeZoned(new Uint8Array([0xf1, 0xf2, 0xd3]), 'ebcdic-cp037', 1)).toEqual({ ok: true, value: '-12.3' });
    expect(decodeZoned(new TextEncoder().encode('0012J'), 'ascii', 2)).toEqual({ ok: true, value: '-1.21' });
    expect(decodeZoned(new TextEncoder().encode('  42{'), 'ascii')).toEqual({ ok: true, value: '420' });
    expect(decodeZoned(new TextEncoder().encode('    '), 'latin1')).toEqual({ ok: true, value: '' });
    expect(decodeZoned(new TextEncoder().encode('1x3'), 'ascii')).toMatchObject({ ok: false });
  });

  it('reads big-endian binary, signed by default', () => {
    expect(decodeBinary(new Uint8Array([0xff, 0xfe]))).toEqual({ ok: true, value: '-2' });
    expect(decodeBinary(new Uint8Array([0xff, 0xfe]), { signed: false })).toEqual({ ok: true, value: '65534' });
    expect(decodeBinary(new Uint8Array([0x00, 0x00, 0x30, 0x39]), { scale: 2 })).toEqual({ ok: true, value: '123.45' });
    expect(decodeBinary(new Uint8Array(8).fill(0xff), { signed: false })).toEqual({ ok: true, value: '18446744073709551615' });
  });

  it('reads dates by pattern and flags impossible ones', () => {
    expect(decodeDate('20240229')).toEqual({ ok: true, value: '2024-02-29' });
    expect(decodeDate('20230229')).toMatchObject({ ok: false });
    expect(decodeDate('24061', 'YYDDD')).toEqual({ ok: true, value: '2024-03-01' });
    expect(decodeDate('12/31/1999', 'MM/DD/YYYY')).toEqual({ ok: true, value: '1999-12-31' });
    expect(decodeDate('00000000')).toEqual({ ok: true, value: '' });
    expect(decodeDate('2024-1-1')).toMatchObject({ ok: false, problem: expect.stringContaining('does not match YYYYMMDD') });
  });
});
