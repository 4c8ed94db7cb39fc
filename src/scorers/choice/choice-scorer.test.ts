import { describe, expect, it } from 'vitest';
import { NO_MODEL, makeTestState } from '../make-test-state.js';
import { choiceScorer } from './choice-scorer.js';
import { readChoice, targetChoice } from './read-choice.js';

const CHOICES = ['Berlin', 'Paris', 'Rome', 'Madrid'];

describe('readChoice', () => {
  it.each([
    ['B', 1],
    ['(c)', 2],
    ['Let me think. A is wrong, C is wrong.\nANSWER: B', 1],
    ['ANSWER: A\nWait, no.\nANSWER: D', 3],
    ['answer: b', 1],
    ['I believe the answer is B because…', 1],
    ['The correct option is (d).', 3],
    ['Rome is not it.\n\n**B**', 1],
    ['B) Paris', 1],
    ['It has to be (B), clearly.', 1],
    ['paris', 1],
  ])('reads %j as choice %i', (text, index) => {
    expect(readChoice(text, CHOICES)?.index).toBe(index);
  });

  it('refuses ambiguous or out-of-range answers', () => {
    expect(readChoice('Either (A) or (B).', CHOICES)).toBeUndefined();
    expect(readChoice('ANSWER: E', CHOICES)).toBeUndefined();
    expect(readChoice('The answer is a city in Europe.', CHOICES)).toBeUndefined();
    expect(readChoice('I do not know', CHOICES)).toBeUndefined();
  });

  it('reads targets given as letters or as choice text', () => {
    expect(targetChoice('C', CHOICES)).toBe(2);
    expect(targetChoice('(b)', CHOICES)).toBe(1);
    expect(targetChoice('madrid', CHOICES)).toBe(3);
    expect(targetChoice('Rome', ['A) Berlin', 'B) Rome'])).toBe(1);
    expect(targetChoice('Lisbon', CHOICES)).toBeUndefined();
  });
});

describe('choice scorer', () => {
  const scorer = choiceScorer({ type: 'choice' });

  it('passes when the letter names the target (letter or text) and explains both', async () => {
    const s = await scorer.score(makeTestState('ANSWER: B', { target: 'Paris', choices: CHOICES }), NO_MODEL);
    expect(s).toMatchObject({ value: 1, answer: 'B' });
    expect(s.explanation).toContain('Model chose B ("Paris")');
    expect(s.explanation).toContain('target B ("Paris")');
  });

  it('fails on the wrong letter, prefers state.choices, and explains unreadable answers', async () => {
    const wrong = await scorer.score(makeTestState('ANSWER: C', { target: 'B', choices: CHOICES }), NO_MODEL);
    expect(wrong.value).toBe(0);
    expect(wrong.explanation).toContain('incorrect');
    const shown = await scorer.score(makeTestState('ANSWER: A', { target: 'Paris', choices: CHOICES }, ['Paris', 'Berlin']), NO_MODEL);
    expect(shown.value).toBe(1);
    const unread = await scorer.score(makeTestState('Hmm.', { target: 'B', choices: CHOICES }), NO_MODEL);
    expect(unread.explanation).toContain('Could not read a choice letter');
  });

  it('fails with a clear explanation without choices', async () => {
    const s = await scorer.score(makeTestState('B', { target: 'B' }), NO_MODEL);
    expect(s.value).toBe(0);
    expect(s.explanation).toContain('no choices');
  });
});
