import { describe, expect, it } from 'vitest';
import { NO_MODEL, makeTestState } from '../make-test-state.js';
import { matchScorer, matchesAt } from './match-scorer.js';

const score = async (location: 'begin' | 'end' | 'any' | 'exact', answer: string, target: string | string[], ignoreCase = true) =>
  matchScorer({ type: 'match', location, ignoreCase }).score(makeTestState(answer, { target }), NO_MODEL);

describe('match scorer', () => {
  it('end: ignores case and punctuation at the edges', async () => {
    const s = await score('end', 'The capital of France is **Paris.**', 'paris');
    expect(s.value).toBe(1);
    expect(s.explanation).toContain('ends with target "paris"');
  });

  it('end: respects word boundaries ("4" is not the end of "14")', async () => {
    expect((await score('end', 'The answer is 14', '4')).value).toBe(0);
    expect((await score('end', 'The answer is 4.', '4')).value).toBe(1);
  });

  it('keeps a number sign at the edge: "-5" does not match "5"', async () => {
    expect((await score('end', 'The answer is 5', '-5')).value).toBe(0);
    expect((await score('end', 'The answer is -5.', '-5')).value).toBe(1);
  });

  it('begin, any and exact', async () => {
    expect((await score('begin', 'Yes, because…', 'yes')).value).toBe(1);
    expect((await score('begin', 'Yesterday it rained', 'yes')).value).toBe(0);
    expect((await score('any', 'I think Paris, not Lyon', 'Lyon')).value).toBe(1);
    expect((await score('any', 'Lyonnais cuisine', 'Lyon')).value).toBe(0);
    expect((await score('exact', '"Paris!"', 'Paris')).value).toBe(1);
    expect((await score('exact', 'Paris, France', 'Paris')).value).toBe(0);
  });

  it('honours ignoreCase: false and multiple targets', async () => {
    expect((await score('end', 'answer: paris', 'Paris', false)).value).toBe(0);
    expect((await score('end', 'answer: Lutetia', ['Paris', 'Lutetia'], false)).value).toBe(1);
  });

  it('does not demand word boundaries in unspaced scripts', () => {
    expect(matchesAt('答案是北京', '北京', 'end')).toBe(true);
    expect(matchesAt('x', '', 'any')).toBe(false);
  });
});
