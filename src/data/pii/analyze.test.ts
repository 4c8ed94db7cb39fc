import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { boostScore, findContext } from './context.js';
import { isPiiType, PII_TYPES, type PiiResult } from './pii-types.js';
import { RECOGNISERS } from './recognisers.js';
import { resolveOverlaps } from './resolve-overlaps.js';

const DOC = `Patient: Dr. Jane Doe, DOB 03/14/1980, SSN 536-22-1234.
Lives at 1600 Pennsylvania Avenue NW, Washington, DC 20500; email jane.doe@example.mil, phone (212) 555-0147.
Card 4111 1111 1111 1111 from host 10.0.0.7; EDIPI 1234567890; passport A12345678.`;

function result(p: Partial<PiiResult> & { start: number; end: number; score: number }): PiiResult {
  return { type: 'US_SSN', text: 'x'.repeat(p.end - p.start), recogniser: 'us-ssn', ...p };
}

describe('analyze', () => {
  it('finds each kind in a document, sorted, with text matching the offsets', () => {
    const results = analyze(DOC);
    expect(results.map((r) => r.type)).toEqual([
      'PERSON', 'DATE_OF_BIRTH', 'US_SSN', 'STREET_ADDRESS', 'EMAIL_ADDRESS', 'PHONE_NUMBER', 'CREDIT_CARD', 'IP_ADDRESS', 'DOD_ID', 'US_PASSPORT',
    ]);
    for (const r of results) {
      expect(DOC.slice(r.start, r.end)).toBe(r.text);
      expect(r.score).toBeGreaterThanOrEqual(0.3);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(Object.keys(RECOGNISERS)).toContain(r.recogniser);
    }
  });
  it('filters by type and by minScore', () => {
    expect(analyze(DOC, { types: ['EMAIL_ADDRESS', 'IP_ADDRESS'] }).map((r) => r.text)).toEqual(['jane.doe@example.mil', '10.0.0.7']);
    expect(analyze(DOC, { minScore: 0.99 }).every((r) => r.score >= 0.99)).toBe(true);
    expect(analyze('nothing to see here')).toEqual([]);
  });
  it('every recogniser reports a known type', () => {
    for (const r of Object.values(RECOGNISERS)) expect(isPiiType(r.type)).toBe(true);
    expect(isPiiType('NOPE')).toBe(false);
    expect(new Set(Object.values(RECOGNISERS).map((r) => r.type))).toEqual(new Set(PII_TYPES));
  });
});

describe('context enhancement', () => {
  it('adds 0.35 with a floor of 0.4 and a cap of 1', () => {
    expect(boostScore(0.05)).toBe(0.4);
    expect(boostScore(0.5)).toBe(0.85);
    expect(boostScore(0.9)).toBe(1);
  });
  it('looks a window of words before and after, not further', () => {
    const text = 'ssn one two three four five 536-22-1234';
    expect(findContext(text, { start: 28, end: 39 }, ['ssn'], { before: 5, after: 0 })).toEqual([]);
    expect(findContext(text, { start: 28, end: 39 }, ['ssn'], { before: 6, after: 0 })).toEqual(['ssn']);
    expect(findContext('536-22-1234 (ssn)', { start: 0, end: 11 }, ['ssn'], { before: 0, after: 1 })).toEqual(['ssn']);
  });
  it('raises the score and records the words found', () => {
    const [plain] = analyze('ref 536-22-1234', { types: ['US_SSN'] });
    const [labelled] = analyze('Social Security: 536-22-1234', { types: ['US_SSN'] });
    expect(plain!.score).toBe(0.5);
    expect(plain!.context).toBeUndefined();
    expect(labelled!.score).toBe(0.85);
    expect(labelled!.context).toEqual(['social', 'security']);
  });
  it('matches context words as prefixes when they are long enough', () => {
    expect(findContext('passports: X', { start: 11, end: 12 }, ['passport'])).toEqual(['passport']);
    expect(findContext('ssnx X', { start: 5, end: 6 }, ['ssn'])).toEqual([]);
  });
});

describe('overlap resolution', () => {
  it('keeps the higher score, then the longer span, then the earlier', () => {
    const a = result({ start: 0, end: 10, score: 0.5 });
    const b = result({ start: 5, end: 12, score: 0.9 });
    const c = result({ start: 20, end: 25, score: 0.6 });
    const d = result({ start: 20, end: 30, score: 0.6 });
    const e = result({ start: 40, end: 45, score: 0.6 });
    const f = result({ start: 43, end: 48, score: 0.6 });
    expect(resolveOverlaps([a, b, c, d, e, f])).toEqual([b, d, e]);
  });
  it('keeps touching spans (end is exclusive)', () => {
    const a = result({ start: 0, end: 5, score: 0.5 });
    const b = result({ start: 5, end: 9, score: 0.5 });
    expect(resolveOverlaps([b, a])).toEqual([a, b]);
  });
  it('lets a labelled passport beat a bare-digit SSN on the same nine digits', () => {
    const all = analyze('passport 536221234', { minScore: 0, keepOverlaps: true });
    expect(all.map((r) => r.type).sort()).toEqual(['US_PASSPORT', 'US_SSN']);
    expect(analyze('passport 536221234', { minScore: 0 }).map((r) => r.type)).toEqual(['US_PASSPORT']);
    expect(analyze('SSN 536221234', { minScore: 0 }).map((r) => r.type)).toEqual(['US_SSN']);
  });
  it('prefers the full address over its street line', () => {
    const results = analyze('1 Main Street, Springfield, IL 62701', { types: ['STREET_ADDRESS'] });
    expect(results.map((r) => r.text)).toEqual(['1 Main Street, Springfield, IL 62701']);
  });
});
