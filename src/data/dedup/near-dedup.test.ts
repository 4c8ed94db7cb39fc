import { describe, expect, it } from 'vitest';
import { createMinHasher, estimateJaccard, jaccard } from './minhash.js';
import { nearDedup, NearDedupIndex } from './near-dedup.js';
import { shingleHashes } from './shingles.js';
import { words } from './test-words.js';
import { UnionFind } from './union-find.js';

// With k=1 shingles are words, so Jaccard is exact by construction: 95 shared + 5 own each → 95/105 ≈ 0.905;
// 20 shared + 40 own each → 20/100 = 0.2.
const high = (base: number) => [`${words(base, 95)} ${words(base + 1000, 5)}`, `${words(base, 95)} ${words(base + 2000, 5)}`] as const;
const low = (base: number) => [`${words(base, 20)} ${words(base + 1000, 40)}`, `${words(base, 20)} ${words(base + 2000, 40)}`] as const;

function handSet() {
  const docs: Array<{ id: string; text: string }> = [];
  for (let g = 0; g < 10; g++) {
    const [a, b] = high(g * 10_000);
    docs.push({ id: `h${g}a`, text: a }, { id: `h${g}b`, text: b });
    const [c, d] = low(g * 10_000 + 5_000);
    docs.push({ id: `l${g}a`, text: c }, { id: `l${g}b`, text: d });
  }
  return docs;
}

describe('shingles and MinHash', () => {
  it('builds word k-shingles after normalisation', () => {
    expect(shingleHashes('a b c d e f', 5)).toHaveLength(2);
    expect(shingleHashes('A, b c', 5)).toHaveLength(1);
    expect(shingleHashes('  ', 5)).toHaveLength(0);
    expect(shingleHashes('The Cat sat.', 2)).toEqual(shingleHashes('the cat, SAT', 2));
  });

  it('constructs the hand-made sets at the intended Jaccard', () => {
    const [a, b] = high(0);
    expect(jaccard(shingleHashes(a, 1), shingleHashes(b, 1))).toBeCloseTo(95 / 105, 12);
    const [c, d] = low(0);
    expect(jaccard(shingleHashes(c, 1), shingleHashes(d, 1))).toBeCloseTo(0.2, 12);
  });

  it('estimates Jaccard within sampling error and deterministically', () => {
    const [a, b] = high(0);
    const h = createMinHasher(128, 1);
    const est = estimateJaccard(h.signature(shingleHashes(a, 1)), h.signature(shingleHashes(b, 1)));
    expect(Math.abs(est - 95 / 105)).toBeLessThan(0.1); // σ ≈ 0.026 at 128 permutations
    expect(createMinHasher(128, 1).signature(shingleHashes(a, 1))).toEqual(h.signature(shingleHashes(a, 1)));
    expect(createMinHasher(128, 2).signature(shingleHashes(a, 1))).not.toEqual(h.signature(shingleHashes(a, 1)));
  });
});

describe('nearDedup', () => {
  it('finds every pair at Jaccard 0.9 and none at 0.2', async () => {
    const r = await nearDedup(handSet(), { k: 1 });
    const pairs = r.pairs.map((p) => `${p.a}-${p.b}`).sort();
    expect(pairs).toEqual(Array.from({ length: 10 }, (_, g) => `h${g}a-h${g}b`).sort());
    expect(r.duplicates.sort()).toEqual(Array.from({ length: 10 }, (_, g) => `h${g}b`).sort());
    expect(r.clusters.every((c) => c.representative.endsWith('a') && c.members.length === 2)).toBe(true);
    expect(r.params).toMatchObject({ k: 1, bands: 16, rows: 8, numPerm: 128, threshold: 0.8, seed: 1 });
  });

  it('finds a one-word edit in a 100-word document with the default 5-shingles', async () => {
    const text = words(0, 100);
    const edited = text.replace(' qbx ', ' zzzz ');
    expect(edited).not.toBe(text);
    expect(jaccard(shingleHashes(text), shingleHashes(edited))).toBeCloseTo(91 / 101, 12);
    const r = await nearDedup([
      { id: 'orig', text },
      { id: 'other', text: words(500, 100) },
      { id: 'edit', text: edited },
    ]);
    expect(r.duplicates).toEqual(['edit']);
    expect(r.pairs).toHaveLength(1);
    expect(r.pairs[0]).toMatchObject({ a: 'orig', b: 'edit' });
  });

  it('clusters transitively and keeps the first document of the cluster', async () => {
    // a~b and b~c, but a and c share less; all three land in one cluster represented by a.
    const a = `${words(0, 90)} ${words(1000, 10)}`;
    const b = `${words(0, 90)} ${words(2000, 10)}`;
    const c = `${words(5, 85)} ${words(2000, 10)} ${words(3000, 5)}`;
    const r = await nearDedup(
      [
        { id: 'a', text: a },
        { id: 'b', text: b },
        { id: 'c', text: c },
      ],
      { k: 1 },
    );
    expect(r.clusters).toEqual([{ representative: 'a', members: ['a', 'b', 'c'] }]);
    expect(r.duplicates).toEqual(['b', 'c']);
  });

  it('gives the same answer on every run and from a sync or async stream', async () => {
    async function* stream() {
      yield* handSet();
    }
    const one = await nearDedup(handSet());
    const two = await nearDedup(stream());
    expect(two).toEqual(one);
    const other = new NearDedupIndex({ seed: 7 });
    for (const d of handSet()) other.add(d.id, d.text);
    expect(other.result().params.seed).toBe(7);
  });

  it('rejects bad parameters', () => {
    expect(() => new NearDedupIndex({ bands: 0 })).toThrow(/bands/);
    expect(() => new NearDedupIndex({ threshold: 1.5 })).toThrow(/threshold/);
  });
});

describe('UnionFind', () => {
  it('keeps the smallest index as root', () => {
    const u = new UnionFind();
    for (let i = 0; i < 5; i++) u.add();
    expect(u.union(3, 4)).toBe(true);
    expect(u.union(4, 1)).toBe(true);
    expect(u.union(1, 3)).toBe(false);
    expect([0, 1, 2, 3, 4].map((i) => u.find(i))).toEqual([0, 1, 2, 1, 1]);
  });
});
