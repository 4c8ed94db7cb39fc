import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import { analyze } from './analyze.js';
import { decryptRedaction, encryptRedaction, TOKEN_PREFIX } from './encrypt-redaction.js';
import { hashValue, maskValue } from './operators.js';
import type { PiiResult } from './pii-types.js';
import { redact } from './redact.js';

const TEXT = 'Name: Dr. Jane Doe, SSN 536-22-1234, mail jane@example.mil. Card 4111 1111 1111 1111 — ünïcode 🙂 tail.';
const KEY = randomBytes(32);

/** Asserts every character outside the spans survives unchanged and in order. */
function expectOutsideUnchanged(original: string, out: string, spans: ReturnType<typeof redact>['spans']): void {
  let prevIn = 0;
  let prevOut = 0;
  for (const s of spans) {
    expect(out.slice(prevOut, s.outStart)).toBe(original.slice(prevIn, s.start));
    prevIn = s.end;
    prevOut = s.outEnd;
  }
  expect(out.slice(prevOut)).toBe(original.slice(prevIn));
}

describe('redact', () => {
  const results = analyze(TEXT);

  it('replaces with <TYPE> by default and leaves the rest exactly', () => {
    const { text, spans } = redact(TEXT, results);
    expect(text).toBe('Name: Dr. <PERSON>, SSN <US_SSN>, mail <EMAIL_ADDRESS>. Card <CREDIT_CARD> — ünïcode 🙂 tail.');
    expectOutsideUnchanged(TEXT, text, spans);
  });

  it('applies operators per type, with a default', () => {
    const { text, spans } = redact(TEXT, results, {
      US_SSN: { type: 'mask', keepLast: 4 },
      CREDIT_CARD: { type: 'mask', char: '#', keepLast: 4 },
      PERSON: { type: 'replace', value: '[name]' },
      default: { type: 'remove' },
    });
    expect(text).toBe('Name: Dr. [name], SSN *******1234, mail . Card ###############1111 — ünïcode 🙂 tail.');
    expect(spans.map((s) => s.operator)).toEqual(['replace', 'mask', 'remove', 'mask']);
    expectOutsideUnchanged(TEXT, text, spans);
  });

  it('hashes stably per salt and differently across salts', () => {
    const a = redact(TEXT, results, { default: { type: 'hash', salt: 'dataset-1' } });
    const b = redact(TEXT, results, { default: { type: 'hash', salt: 'dataset-1' } });
    const c = redact(TEXT, results, { default: { type: 'hash', salt: 'dataset-2' } });
    expect(a.text).toBe(b.text);
    expect(a.text).not.toBe(c.text);
    expect(a.text).toContain(hashValue('536-22-1234', 'dataset-1'));
    expect(hashValue('536-22-1234', 'dataset-1')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashValue('x', 's', 64)).toHaveLength(64);
    expectOutsideUnchanged(TEXT, a.text, a.spans);
    expect(() => hashValue('x', '')).toThrow(AssayError);
  });

  it('encrypts reversibly with the caller key', () => {
    const { text, spans } = redact(TEXT, results, { US_SSN: { type: 'encrypt', key: KEY } });
    const ssn = spans.find((s) => s.type === 'US_SSN')!;
    const token = text.slice(ssn.outStart, ssn.outEnd);
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(decryptRedaction(token, KEY)).toBe('536-22-1234');
    expectOutsideUnchanged(TEXT, text, spans);
  });

  it('keep leaves the text identical', () => {
    expect(redact(TEXT, results, { default: { type: 'keep' } }).text).toBe(TEXT);
    expect(redact(TEXT, []).text).toBe(TEXT);
  });

  it('resolves overlapping results before applying them', () => {
    const text = 'abc 0123456789 xyz';
    const overlapping: PiiResult[] = [
      { type: 'PHONE_NUMBER', start: 4, end: 14, text: '0123456789', score: 0.4, recogniser: 'phone' },
      { type: 'DOD_ID', start: 4, end: 14, text: '0123456789', score: 0.65, recogniser: 'dod-id' },
      { type: 'US_SSN', start: 6, end: 10, text: '2345', score: 0.1, recogniser: 'us-ssn' },
    ];
    expect(redact(text, overlapping).text).toBe('abc <DOD_ID> xyz');
  });

  it('rejects results that do not match the text', () => {
    const stale: PiiResult = { type: 'US_SSN', start: 0, end: 4, text: 'nope', score: 1, recogniser: 'us-ssn' };
    expect(() => redact('abcd', [stale])).toThrow(AssayError);
    expect(() => redact('ab', [{ ...stale, text: 'ab' }])).toThrow(/does not match/);
  });

  it('preserves outside text for many random spans and operators', () => {
    // deterministic pseudo-random generator, so failures reproduce
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const alphabet = 'ab c\n€🙂-1';
    for (let round = 0; round < 50; round++) {
      const chars = Array.from({ length: 40 + rand(40) }, () => alphabet[rand(alphabet.length)]).join('');
      const text = chars;
      const picked: PiiResult[] = [];
      for (let k = 0; k < 5; k++) {
        const start = rand(text.length - 1);
        const end = start + 1 + rand(Math.min(8, text.length - start));
        picked.push({ type: 'PERSON', start, end, text: text.slice(start, end), score: rand(100) / 100, recogniser: 'person' });
      }
      const ops = [{ type: 'replace' }, { type: 'mask', keepLast: 2 }, { type: 'hash', salt: 's' }, { type: 'remove' }] as const;
      const { text: out, spans } = redact(text, picked, { PERSON: ops[round % ops.length]! });
      expectOutsideUnchanged(text, out, spans);
    }
  });
});

describe('mask', () => {
  it('masks code points, keeping the last n', () => {
    expect(maskValue('123-45-6789', '*', 4)).toBe('*******6789');
    expect(maskValue('ab🙂', 'x')).toBe('xxx');
    expect(maskValue('ab', '*', 10)).toBe('ab');
  });
});

describe('encryptRedaction', () => {
  it('round-trips unicode and uses a fresh IV each time', () => {
    const a = encryptRedaction('Jane Doe ünï 🙂', KEY);
    const b = encryptRedaction('Jane Doe ünï 🙂', KEY);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^pii1\.[A-Za-z0-9_-]+$/);
    expect(decryptRedaction(a, KEY)).toBe('Jane Doe ünï 🙂');
    expect(decryptRedaction(encryptRedaction('', KEY), KEY)).toBe('');
  });

  it('fails on tampering, truncation, a wrong key, or a bad key length', () => {
    const token = encryptRedaction('536-22-1234', KEY);
    const body = Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url');
    for (const index of [0, 13, 30, body.length - 1]) {
      const flipped = Buffer.from(body);
      flipped[index]! ^= 1;
      expect(() => decryptRedaction(TOKEN_PREFIX + flipped.toString('base64url'), KEY), `byte ${index}`).toThrow(/authentication failed/);
    }
    expect(() => decryptRedaction(token.slice(0, 20), KEY)).toThrow(/truncated/);
    expect(() => decryptRedaction('pii2.' + token.slice(5), KEY)).toThrow(/not a pii1 token/);
    expect(() => decryptRedaction(token, randomBytes(32))).toThrow(AssayError);
    expect(() => encryptRedaction('x', randomBytes(16))).toThrow(/needs 32/);
  });
});
