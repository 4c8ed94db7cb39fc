import { describe, expect, it } from 'vitest';
import { NO_MODEL, makeTestState } from '../make-test-state.js';
import { exactScorer } from './exact-scorer.js';

describe('exact scorer', () => {
  const scorer = exactScorer({ type: 'exact', ignoreCase: true });

  it('passes when the whole answer equals a target, ignoring case and whitespace runs', async () => {
    const s = await scorer.score(makeTestState('  New   york\n', { target: 'New York' }), NO_MODEL);
    expect(s.value).toBe(1);
    expect(s.explanation).toContain('"New York"');
  });

  it('fails on extra words or punctuation and names the targets', async () => {
    const s = await scorer.score(makeTestState('New York.', { target: ['New York', 'NYC'] }), NO_MODEL);
    expect(s.value).toBe(0);
    expect(s.explanation).toMatch(/does not equal any target \("New York", "NYC"\)/);
  });

  it('accepts any of several targets; respects ignoreCase: false', async () => {
    expect((await scorer.score(makeTestState('nyc', { target: ['New York', 'NYC'] }), NO_MODEL)).value).toBe(1);
    const strict = exactScorer({ type: 'exact', ignoreCase: false });
    expect((await strict.score(makeTestState('nyc', { target: 'NYC' }), NO_MODEL)).value).toBe(0);
  });

  it('reads the last assistant message when there is no output, and fails without a target', async () => {
    const state = makeTestState('ignored', { target: 'Paris' });
    delete state.output;
    state.messages.push({ role: 'assistant', content: 'Paris' }, { role: 'user', content: 'thanks' });
    expect((await scorer.score(state, NO_MODEL)).value).toBe(1);
    const none = await scorer.score(makeTestState('Paris'), NO_MODEL);
    expect(none).toMatchObject({ value: 0, explanation: 'The sample has no target to compare with.' });
  });
});
