import { describe, expect, it } from 'vitest';
import { NO_MODEL, makeTestState } from '../make-test-state.js';
import { extractNumber, findNumbers } from './extract-number.js';
import { numericScorer } from './numeric-scorer.js';

describe('findNumbers', () => {
  it.each([
    ['$1,234.50', 1234.5],
    ['It costs 1 234 dollars', 1234],
    ['thin\u202fspace 12\u202f345', 12345],
    ['-3.5', -3.5],
    ['\u22127 degrees', -7],
    ['about 12%', 12],
    ['1e3', 1000],
    ['2.5E-2', 0.025],
    ['-$40', -40],
    ['$-40', -40],
    ['.5', 0.5],
    ['3/4', 0.75],
    ['1,000,000', 1_000_000],
  ])('reads %j as %d', (text, value) => {
    expect(findNumbers(text).map((n) => n.value)).toEqual([value]);
  });

  it('does not read hyphens, version strings or malformed groups as numbers', () => {
    expect(findNumbers('GPT-4 said 7').map((n) => n.value)).toEqual([4, 7]);
    expect(findNumbers('1,2,3').map((n) => n.value)).toEqual([1, 2, 3]);
    expect(findNumbers('1,2345').map((n) => n.value)).toEqual([1, 2345]);
    expect(findNumbers('v1.2.3 and x2')).toEqual([]);
    expect(findNumbers('1/0')).toEqual([]);
  });
});

describe('extractNumber', () => {
  it('prefers the number after "####", then after an answer marker, then the last number', () => {
    expect(extractNumber('3 + 4 = 7, times 2 is 14.\n#### 14 apples, not 15')).toMatchObject({ value: 14, source: 'after "####"' });
    expect(extractNumber('We get 10, then 12.\nANSWER: 11 (checked 3 times)')).toMatchObject({ value: 11, source: 'after an answer marker' });
    expect(extractNumber('First 5; so the answer is $2,000. Done in 3 steps.')).toMatchObject({ value: 2000 });
    expect(extractNumber('The result is \\boxed{-2.5} after 4 steps')).toMatchObject({ value: -2.5 });
    expect(extractNumber('I added 2 and 3 to get 5.')).toMatchObject({ value: 5, source: 'last number in the text' });
    // A marker with no number after it falls back to the last number.
    expect(extractNumber('It was 9. Answer: unknown')).toMatchObject({ value: 9, source: 'last number in the text' });
    expect(extractNumber('no digits here')).toBeUndefined();
  });
});

describe('numeric scorer', () => {
  const scorer = numericScorer({ type: 'numeric', tolerance: 1e-6, relative: false });

  it('compares a GSM8K-style answer with a "#### 42"-style target and shows both numbers', async () => {
    const s = await scorer.score(makeTestState('She has 40 + 2 = 42 eggs.\n#### 42', { target: 'Natalia sold 42 clips.\n#### 42' }), NO_MODEL);
    expect(s.value).toBe(1);
    expect(s.explanation).toContain('Model answered 42');
    expect(s.explanation).toContain('target 42');
  });

  it('understands currency and thousands separators on both sides', async () => {
    expect((await scorer.score(makeTestState('The total is $1,234.50.'), NO_MODEL)).value).toBe(0); // no target
    expect((await scorer.score(makeTestState('The total is $1,234.50.', { target: '1234.5' }), NO_MODEL)).value).toBe(1);
    expect((await scorer.score(makeTestState('ANSWER: 1 234', { target: '$1,234' }), NO_MODEL)).value).toBe(1);
  });

  it('fails outside the absolute tolerance and explains the difference', async () => {
    const s = await scorer.score(makeTestState('So about 3.14', { target: '3.14159' }), NO_MODEL);
    expect(s.value).toBe(0);
    expect(s.explanation).toContain('Model answered 3.14');
    expect(s.explanation).toContain('target 3.14159');
    expect(s.metadata).toEqual({ answerNumber: 3.14, targets: [3.14159] });
    const loose = numericScorer({ type: 'numeric', tolerance: 0.01, relative: false });
    expect((await loose.score(makeTestState('So about 3.14', { target: '3.14159' }), NO_MODEL)).value).toBe(1);
  });

  it('uses tolerance × |target| when relative', async () => {
    const rel = numericScorer({ type: 'numeric', tolerance: 0.01, relative: true });
    // |1005 − 1000| = 5 ≤ 0.01 · 1000 = 10.
    expect((await rel.score(makeTestState('1005', { target: '1000' }), NO_MODEL)).value).toBe(1);
    // |1011 − 1000| = 11 > 10.
    expect((await rel.score(makeTestState('1011', { target: '1000' }), NO_MODEL)).value).toBe(0);
    // A zero target allows no difference.
    expect((await rel.score(makeTestState('0.001', { target: '0' }), NO_MODEL)).value).toBe(0);
  });

  it('keeps the sign: -3.5 is not 3.5', async () => {
    expect((await scorer.score(makeTestState('x = -3.5', { target: '3.5' }), NO_MODEL)).value).toBe(0);
    expect((await scorer.score(makeTestState('x = -3.5', { target: '-3.5' }), NO_MODEL)).value).toBe(1);
  });

  it('accepts any target and reports unusable inputs', async () => {
    expect((await scorer.score(makeTestState('12', { target: ['ten', '12'] }), NO_MODEL)).value).toBe(1);
    const none = await scorer.score(makeTestState('I do not know', { target: '12' }), NO_MODEL);
    expect(none.explanation).toContain('No number found in the answer');
    const badTarget = await scorer.score(makeTestState('12', { target: 'twelve' }), NO_MODEL);
    expect(badTarget).toMatchObject({ value: 0, explanation: 'No target is a number ("twelve").' });
  });
});
