import { describe, expect, it } from 'vitest';
import { NO_MODEL, makeTestState } from '../make-test-state.js';
import { includesScorer } from './includes-scorer.js';

describe('includes scorer', () => {
  const scorer = includesScorer({ type: 'includes', ignoreCase: true });

  it('passes when the answer contains a target, across case and line breaks', async () => {
    const s = await scorer.score(makeTestState('It was the\nBattle of  Hastings, 1066.', { target: 'battle of hastings' }), NO_MODEL);
    expect(s.value).toBe(1);
    expect(s.explanation).toContain('"battle of hastings"');
  });

  it('fails when no target occurs, and ignores blank targets', async () => {
    const s = await scorer.score(makeTestState('Waterloo', { target: ['Hastings', ' '] }), NO_MODEL);
    expect(s.value).toBe(0);
    expect(s.explanation).toContain('contains none of the targets ("Hastings")');
  });

  it('is case-sensitive when asked', async () => {
    const strict = includesScorer({ type: 'includes', ignoreCase: false });
    expect((await strict.score(makeTestState('hastings'), NO_MODEL)).value).toBe(0);
    expect((await strict.score(makeTestState('hastings', { target: 'Hastings' }), NO_MODEL)).value).toBe(0);
    expect((await strict.score(makeTestState('Hastings', { target: 'Hastings' }), NO_MODEL)).value).toBe(1);
  });
});
