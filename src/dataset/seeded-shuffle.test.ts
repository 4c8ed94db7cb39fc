import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fewShotExamples } from './few-shot-examples.js';
import { loadDataset } from './load-dataset.js';
import type { Sample } from './sample.js';
import { mulberry32, seededShuffle } from './seeded-shuffle.js';

const baseDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/datasets');

/** The widely published mulberry32, to check ours draws the same numbers. */
function referenceMulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('seeded shuffle', () => {
  it('draws the reference mulberry32 sequence', () => {
    for (const seed of [0, 1, 42, 123456789]) {
      const ours = mulberry32(seed);
      const ref = referenceMulberry32(seed);
      for (let i = 0; i < 20; i++) expect(ours()).toBe(ref());
    }
  });

  it('gives a pinned order for seed 42 and leaves the input alone', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(seededShuffle(items, 42)).toEqual(PINNED_42);
    expect(items).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seededShuffle(items, 43)).not.toEqual(PINNED_42);
  });

  it('shuffles a dataset in a pinned order, then applies the limit', async () => {
    const ids = async (shuffle: boolean | { seed: number }, limit?: number) =>
      (await loadDataset({ path: 'good.jsonl', fields: { id: 'id' }, shuffle, limit }, { baseDir })).samples.map((s) => s.id);
    expect(await ids({ seed: 7 })).toEqual(['q4', 'q2', 'q3', 'q5', 'q1']);
    expect(await ids(true)).toEqual(['q5', 'q3', 'q4', 'q1', 'q2']);
    expect(await ids({ seed: 0 })).toEqual(await ids(true));
    expect(await ids({ seed: 7 }, 2)).toEqual(['q4', 'q2']);
    expect(await ids(false, 2)).toEqual(['q1', 'q2']);
  });
});

describe('few-shot examples', () => {
  const samples: Sample[] = Array.from({ length: 6 }, (_, i) => ({
    id: `s${i + 1}`,
    input: `question ${i + 1}`,
    target: String(i + 1),
    metadata: {},
    label: 'UNCLASSIFIED',
  }));

  it('picks the same k examples for the same seed, never an excluded one', () => {
    const a = fewShotExamples(samples, { k: 3, seed: 5, excludeIds: ['s2'] });
    const b = fewShotExamples(samples, { k: 3, seed: 5, excludeIds: new Set(['s2']) });
    expect(a.map((s) => s.id)).toEqual(b.map((s) => s.id));
    expect(a).toHaveLength(3);
    expect(new Set(a.map((s) => s.id)).size).toBe(3);
    expect(a.map((s) => s.id)).not.toContain('s2');
  });

  it('returns the whole pool when k is larger', () => {
    const all = fewShotExamples(samples, { k: 10, seed: 1, excludeIds: ['s1', 's6'] });
    expect(all.map((s) => s.id).sort()).toEqual(['s2', 's3', 's4', 's5']);
  });
});

const PINNED_42 = [0, 7, 3, 5, 2, 1, 8, 9, 4, 6];
