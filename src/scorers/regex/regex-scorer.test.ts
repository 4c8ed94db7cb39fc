import { describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import { NO_MODEL, makeTestState } from '../make-test-state.js';
import { regexScorer } from './regex-scorer.js';

describe('regex scorer', () => {
  it('passes on any match when group is 0', async () => {
    const scorer = regexScorer({ type: 'regex', pattern: '\\bI (cannot|can\'t) help\\b', flags: 'i', group: 0 });
    const s = await scorer.score(makeTestState("Sorry, i can't help with that.", { target: 'ignored' }), NO_MODEL);
    expect(s.value).toBe(1);
    expect(s.answer).toBe("i can't help");
    expect((await scorer.score(makeTestState('Sure! Here it is.'), NO_MODEL)).value).toBe(0);
  });

  it('compares the captured group with the targets', async () => {
    const scorer = regexScorer({ type: 'regex', pattern: 'ANSWER:\\s*(\\w+)', flags: 'i', group: 1 });
    const good = await scorer.score(makeTestState('Reasoning…\nanswer: Paris', { target: 'paris' }), NO_MODEL);
    expect(good).toMatchObject({ value: 1, answer: 'Paris' });
    const bad = await scorer.score(makeTestState('ANSWER: Lyon', { target: 'Paris' }), NO_MODEL);
    expect(bad.value).toBe(0);
    expect(bad.explanation).toContain('captured "Lyon", which equals no target ("Paris")');
    // No targets: a match passes.
    expect((await scorer.score(makeTestState('ANSWER: Lyon'), NO_MODEL)).value).toBe(1);
  });

  it('compares case-sensitively without the i flag, and is stateless with g', async () => {
    const scorer = regexScorer({ type: 'regex', pattern: '=(\\w+)', flags: 'g', group: 1 });
    expect((await scorer.score(makeTestState('x=Yes', { target: 'yes' }), NO_MODEL)).value).toBe(0);
    for (let i = 0; i < 3; i++) expect((await scorer.score(makeTestState('x=yes', { target: 'yes' }), NO_MODEL)).value).toBe(1);
  });

  it('fails when the group did not take part in the match', async () => {
    const scorer = regexScorer({ type: 'regex', pattern: 'yes|(no)', flags: '', group: 1 });
    const s = await scorer.score(makeTestState('yes', { target: 'no' }), NO_MODEL);
    expect(s.value).toBe(0);
    expect(s.explanation).toContain('group 1 captured nothing');
  });

  it('rejects a bad pattern or a missing group with CONFIG_INVALID', () => {
    for (const spec of [
      { pattern: '(', flags: '', group: 0 },
      { pattern: 'a', flags: 'q', group: 0 },
      { pattern: 'a(b)', flags: '', group: 2 },
    ]) {
      try {
        regexScorer({ type: 'regex', ...spec });
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(AssayError);
        expect((err as AssayError).code).toBe('CONFIG_INVALID');
      }
    }
  });
});
