import { describe, expect, it } from 'vitest';
import { contentHash, exactDedup, ExactDedupIndex } from './exact-dedup.js';
import { normalizeForDedup } from './normalize-for-dedup.js';

describe('normalizeForDedup', () => {
  it('folds case, accents, punctuation, digits and spacing', () => {
    expect(normalizeForDedup('  Café, No. 12!\n\tRésumé ')).toBe('cafe no 0 resume');
    expect(normalizeForDedup('Page 3', { foldNumbers: false })).toBe('page 3');
  });
});

describe('exact dedup', () => {
  it('hashes normalised content with SHA-256', () => {
    expect(contentHash('Hello,  World')).toBe(contentHash('hello world'));
    // sha256("hello world")
    expect(contentHash('Hello World!')).toBe('b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9');
    expect(contentHash('hello there')).not.toBe(contentHash('hello world'));
  });

  it('keeps the first of each content and names what later copies duplicate', async () => {
    async function* docs() {
      yield { id: 'a', text: 'The quick brown fox.' };
      yield { id: 'b', text: 'Something else entirely.' };
      yield { id: 'c', text: 'the QUICK brown   fox' };
      yield { id: 'd', text: 'The quick brown fox!!' };
      yield { id: 'e', text: 'The quick brown foxes.' };
    }
    const r = await exactDedup(docs());
    expect(r).toEqual({
      documents: 5,
      unique: 3,
      duplicates: [
        { id: 'c', duplicateOf: 'a' },
        { id: 'd', duplicateOf: 'a' },
      ],
    });
  });

  it('stops when aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(exactDedup([{ id: 'a', text: 'x' }], { signal: ac.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('index reports the earlier id', () => {
    const index = new ExactDedupIndex();
    expect(index.add('x', 'One')).toBeNull();
    expect(index.add('y', 'one.')).toBe('x');
    expect(index.size).toBe(1);
  });
});
