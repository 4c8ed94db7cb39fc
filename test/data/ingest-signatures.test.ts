// Stored dedup keys (migration 0010): a new version dedups carried-over chunks from their stored, sealed content hash
// and MinHash signature instead of their text, and finds exactly the duplicates that deduplicating the texts finds.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetDb } from '../../src/data/dataset/dataset-tables.js';
import { chunkDedupKeyLocation, chunkTextLocation } from '../../src/data/dataset/sealed-locations.js';
import { contentHash } from '../../src/data/dedup/index.js';
import { words } from '../../src/data/dedup/test-words.js';
import { ChunkDeduper, DEDUP_KEYS } from '../../src/data/ingest/dedup-chunks.js';
import { decodeDedupKey, encodeDedupKey } from '../../src/data/ingest/dedup-key.js';
import { ingest } from '../../src/data/ingest/index.js';
import { isFieldToken, type FieldCipher } from '../../src/governance/crypto/index.js';
import { openHarness, topSecret, type Harness } from './ingest-harness.js';

/** A two-paragraph memo from word stream `base`; `edit` swaps one word (a near duplicate, Jaccard ≈ 0.9). */
function memo(base: number, edit = false): string {
  const one = words(base * 1000, 70);
  const two = words(base * 1000 + 500, 70);
  return `${edit ? one.replace(/^(\S+ \S+ \S+) \S+/, '$1 zzzedited') : one}\n\n${two}\n`;
}

/** Batch A: ten memos plus an exact and a near copy; batch B: new memos, copies of A's, and copies within B. */
function writeBatches(dir: string): { a: string; b: string } {
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  mkdirSync(a);
  mkdirSync(b);
  for (let i = 0; i < 10; i++) writeFileSync(path.join(a, `m${i}.txt`), memo(i));
  writeFileSync(path.join(a, 'copy-of-m0.txt'), memo(0));
  writeFileSync(path.join(a, 'near-m1.txt'), memo(1, true));
  for (let i = 20; i < 26; i++) writeFileSync(path.join(b, `n${i}.txt`), memo(i));
  writeFileSync(path.join(b, 'shouted-m2.txt'), memo(2).toUpperCase().replace(/\n\n/, '!\n\n'));
  writeFileSync(path.join(b, 'near-m3.txt'), memo(3, true));
  writeFileSync(path.join(b, 'near-n20.txt'), memo(20, true));
  writeFileSync(path.join(b, 'copy-of-n21.txt'), memo(21));
  return { a, b };
}

/** Counts the chunk texts opened through it (the work stored keys are there to avoid). */
function countingCipher(inner: FieldCipher): FieldCipher & { textOpens: number } {
  const c = {
    textOpens: 0,
    seal: (v: string, at: Parameters<FieldCipher['seal']>[1]) => inner.seal(v, at),
    open: (v: string, at: Parameters<FieldCipher['open']>[1]) => {
      if (at.table === 'ds_chunks' && at.column === 'text') c.textOpens++;
      return inner.open(v, at);
    },
  };
  return c;
}

describe('dedup keys: encoding', () => {
  it('round-trips a signature and the empty one, and ignores keys made under other parameters', () => {
    const key = DEDUP_KEYS.compute(memo(1));
    const stored = encodeDedupKey(key, 'p1');
    expect(decodeDedupKey(stored, 'p1', 128)).toEqual(key);
    expect(decodeDedupKey(stored, 'p2', 128)).toBeNull();
    expect(decodeDedupKey(stored, 'p1', 64)).toBeNull();
    expect(decodeDedupKey(null, 'p1', 128)).toBeNull();
    const empty = DEDUP_KEYS.compute(' -- !! ');
    expect(empty).toEqual({ hash: contentHash(''), signature: null });
    expect(decodeDedupKey(encodeDedupKey(empty, 'p1'), 'p1', 128)).toEqual(empty);
  });

  it('gives the deduper the same answers as the texts do, empty texts included', () => {
    const texts = [memo(1), memo(2), memo(1, true), memo(2).toUpperCase(), '', ' .. ', memo(3), memo(3, true)];
    const byText = new ChunkDeduper();
    const byKey = new ChunkDeduper();
    const a = texts.map((t, i) => byText.add(`c${i}`, t));
    const b = texts.map((t, i) => byKey.addKey(`c${i}`, DEDUP_KEYS.compute(t)));
    expect(b).toEqual(a);
    expect(a).toEqual([null, null, 'near:c0', 'exact:c1', null, 'exact:c4', null, 'near:c6']);
  });
});

describe.each(['sqlite', 'postgres'] as const)('stored dedup keys on %s', (kind) => {
  let h: Harness;
  let dir: string;
  let batches: { a: string; b: string };
  beforeAll(async () => {
    h = await openHarness(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'assay-sigs-'));
    batches = writeBatches(dir);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (dataset: string, folder: string, cipher: FieldCipher) => ingest({ paths: [folder], dataset }, { db: h.store.db, cipher, actor: topSecret, cwd: dir });

  /** A version's (chunk, duplicate_of) rows in order, and what deduplicating their texts afresh says. */
  async function versionDedup(dataset: string, version: number) {
    const rows = await datasetDb(h.store.db)
      .selectFrom('ds_version_chunks as v')
      .innerJoin('ds_chunks as c', (j) => j.onRef('c.dataset', '=', 'v.dataset').onRef('c.id', '=', 'v.chunk_id'))
      .select(['v.chunk_id', 'v.duplicate_of', 'c.text'])
      .where('v.dataset', '=', dataset)
      .where('v.version', '=', version)
      .orderBy('v.ord')
      .execute();
    const fresh = new ChunkDeduper();
    return {
      stored: rows.map((r) => [r.chunk_id, r.duplicate_of]),
      fromText: rows.map((r) => [r.chunk_id, fresh.add(r.chunk_id, h.cipher.open(r.text, chunkTextLocation(dataset, r.chunk_id)))]),
    };
  }

  it('stores each chunk key sealed, and the next version reads keys, not texts', async () => {
    const cipher = countingCipher(h.cipher);
    const first = await run('keyed', 'a', cipher);
    expect(first).toMatchObject({ version: 1, duplicates: { exact: 1, near: 1 } });
    const keys = await datasetDb(h.store.db).selectFrom('ds_chunks').select(['id', 'dedup_key']).where('dataset', '=', 'keyed').execute();
    expect(keys.length).toBeGreaterThanOrEqual(12);
    for (const k of keys) {
      expect(isFieldToken(k.dedup_key ?? '')).toBe(true);
      expect(DEDUP_KEYS.open(h.cipher, 'keyed', k.id, k.dedup_key)).not.toBeNull();
    }
    cipher.textOpens = 0;
    const second = await run('keyed', 'b', cipher);
    expect(second).toMatchObject({ version: 2, duplicates: { exact: 2, near: 2 } });
    expect(cipher.textOpens).toBe(0);
  });

  it('finds the same duplicates from stored keys, from texts (rows without keys) and by deduplicating afresh', async () => {
    const cipher = countingCipher(h.cipher);
    await run('legacy', 'a', cipher);
    // As if batch A had been stored before migration 0010 (no keys) or under other MinHash parameters (a key with
    // another tag): version 2 must open and shingle those texts.
    const db = datasetDb(h.store.db);
    const rows = await db.selectFrom('ds_chunks').select(['id', 'text']).where('dataset', '=', 'legacy').orderBy('id').execute();
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const [i, r] of rows.entries()) {
      const other = h.cipher.seal(encodeDedupKey(DEDUP_KEYS.compute(h.cipher.open(r.text, chunkTextLocation('legacy', r.id))), 'mh0-other'), chunkDedupKeyLocation('legacy', r.id));
      await db.updateTable('ds_chunks').set({ dedup_key: i % 2 === 0 ? null : other }).where('dataset', '=', 'legacy').where('id', '=', r.id).execute();
    }
    cipher.textOpens = 0;
    const second = await run('legacy', 'b', cipher);
    expect(second).toMatchObject({ version: 2, duplicates: { exact: 2, near: 2 } });
    expect(cipher.textOpens).toBe(rows.length);

    for (const version of [1, 2]) {
      const keyed = await versionDedup('keyed', version);
      const legacy = await versionDedup('legacy', version);
      expect(keyed.stored).toEqual(keyed.fromText);
      expect(legacy.stored).toEqual(legacy.fromText);
      expect(legacy.stored).toEqual(keyed.stored);
    }
    const v2 = (await versionDedup('keyed', 2)).stored;
    expect(v2.filter(([, d]) => d?.startsWith('exact:'))).toHaveLength(3);
    expect(v2.filter(([, d]) => d?.startsWith('near:'))).toHaveLength(3);
    const stats = await datasetDb(h.store.db).selectFrom('ds_versions').select(['dataset', 'stats', 'digest']).where('version', '=', 2).orderBy('dataset').execute();
    expect(stats[0]!.stats).toBe(stats[1]!.stats);
    expect(stats[0]!.digest).toBe(stats[1]!.digest);
  });
});
