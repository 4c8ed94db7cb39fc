import { describe, expect, it } from 'vitest';
import { countTokens } from './count-tokens.js';
import { splitText } from './split-text.js';

const sentences = Array.from({ length: 12 }, (_, i) => `Sentence number ${i} says a little more.`).join(' ');

describe('splitText', () => {
  it('cuts at sentence ends, keeps every piece within maxChars, and covers the text', () => {
    const pieces = splitText(sentences, { maxChars: 100, overlap: 0 });
    expect(pieces.length).toBeGreaterThan(4);
    for (const p of pieces) {
      expect(p.text.length).toBeLessThanOrEqual(100);
      expect(p.text).toBe(sentences.slice(p.start, p.end));
      expect(p.text).toMatch(/^Sentence .*\.$/);
    }
    expect(pieces.map((p) => p.text).join(' ')).toBe(sentences);
  });

  it('falls back to word boundaries and repeats exactly `overlap` characters', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitText(words, { maxChars: 50, overlap: 12 });
    for (const [i, p] of pieces.entries()) {
      expect(p.text.length).toBeLessThanOrEqual(50);
      expect(p.text).toBe(words.slice(p.start, p.end));
      if (i === 0) continue;
      const prev = pieces[i - 1]!;
      const fresh = prev.end + 1; // one space between the pieces' new text
      expect(p.start).toBe(fresh - 12);
      expect(p.text.slice(0, 12)).toBe(words.slice(fresh - 12, fresh));
      expect(prev.text.endsWith(words.slice(fresh - 12, prev.end))).toBe(true);
    }
    expect(pieces.at(-1)!.end).toBe(words.length);
  });

  it('keeps a single word longer than maxChars whole (the one case a piece exceeds maxChars)', () => {
    const long = 'x'.repeat(30);
    const pieces = splitText(`short ${long} tail`, { maxChars: 10, overlap: 0 });
    expect(pieces.map((p) => p.text)).toEqual(['short', long, 'tail']);
  });
});

describe('countTokens', () => {
  it('counts word pieces (one per 4 characters started) and punctuation', () => {
    expect(countTokens('The plan, in brief.')).toBe(7);
    expect(countTokens('')).toBe(0);
    expect(countTokens('   ')).toBe(0);
  });
});
