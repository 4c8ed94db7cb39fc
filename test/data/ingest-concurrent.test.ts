// Two ingests into one dataset at the same time: both succeed, one version each, the later holding both batches.
// SQLite: two ingest() calls through one store (one connection), and two `assay ingest` processes on one file;
// PostgreSQL: through two stores (two pools).
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetDb } from '../../src/data/dataset/dataset-tables.js';
import { words } from '../../src/data/dedup/test-words.js';
import { ingest } from '../../src/data/ingest/index.js';
import { generateMasterKey, Keyring, keyringCipher } from '../../src/governance/crypto/index.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';
import { PG_URL, topSecret } from './ingest-harness.js';

const PER_BATCH = 6;

function writeBatch(dir: string, name: string, base: number): void {
  mkdirSync(path.join(dir, name));
  for (let i = 0; i < PER_BATCH; i++) writeFileSync(path.join(dir, name, `${name}-${i}.txt`), `${words((base + i) * 1000, 60)}\n\n${words((base + i) * 1000 + 500, 60)}\n`);
}

describe.each(['sqlite', 'postgres'] as const)('concurrent ingests on %s', (kind) => {
  const schema = `ingest_cc_${randomBytes(6).toString('hex')}`;
  const cipher = keyringCipher(new Keyring(generateMasterKey()));
  let dir: string;
  let one: KyselyStore;
  let two: KyselyStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'assay-concurrent-'));
    writeBatch(dir, 'left', 0);
    writeBatch(dir, 'right', 100);
    writeBatch(dir, 'third', 200);
    const open = () => (kind === 'sqlite' ? openStore({ home: dir, databaseUrl: '' }) : openStore({ databaseUrl: PG_URL, schema })) as Promise<KyselyStore>;
    one = await open();
    two = kind === 'sqlite' ? one : await open();
  });
  afterAll(async () => {
    if (kind === 'postgres') await one.db.schema.dropSchema(schema).ifExists().cascade().execute();
    if (two !== one) await two.close();
    await one.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (store: KyselyStore, dataset: string, folder: string) => ingest({ paths: [folder], dataset }, { db: store.db, cipher, actor: topSecret, cwd: dir });

  async function latestPaths(dataset: string): Promise<{ version: number; paths: string[]; chunks: number }> {
    const db = datasetDb(one.db);
    const latest = await db.selectFrom('ds_versions').select(['version', 'stats']).where('dataset', '=', dataset).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
    const docs = await db
      .selectFrom('ds_version_documents as v')
      .innerJoin('ds_documents as d', 'd.id', 'v.document_id')
      .select('d.path')
      .where('v.dataset', '=', dataset)
      .where('v.version', '=', latest.version)
      .orderBy('d.path')
      .execute();
    return { version: latest.version, paths: docs.map((d) => d.path), chunks: (JSON.parse(latest.stats) as { chunks: number }).chunks };
  }

  it('into a new dataset: both succeed, versions 1 and 2, the last has every document', async () => {
    const [l, r] = await Promise.all([run(one, 'shared', 'left'), run(two, 'shared', 'right')]);
    expect(l.versionCreated && r.versionCreated).toBe(true);
    expect([l.version, r.version].sort()).toEqual([1, 2]);
    const latest = await latestPaths('shared');
    expect(latest.version).toBe(2);
    expect(latest.paths).toHaveLength(2 * PER_BATCH);
    expect(latest.paths.filter((p) => p.startsWith('left/'))).toHaveLength(PER_BATCH);
    expect(latest.paths.filter((p) => p.startsWith('right/'))).toHaveLength(PER_BATCH);
    expect(latest.chunks).toBe(l.chunks + r.chunks);
  });

  it('into an existing dataset, three at once: three versions, the last has all three batches', async () => {
    await run(one, 'grown', 'left');
    const outcomes = await Promise.all([run(two, 'grown', 'right'), run(one, 'grown', 'third'), run(two, 'grown', 'left')]);
    // Re-ingesting `left` unchanged changes nothing, whenever it runs: no version of its own, and it still succeeds.
    expect(outcomes.map((o) => o.versionCreated)).toEqual([true, true, false]);
    expect(outcomes.map((o) => o.version).slice(0, 2).sort()).toEqual([2, 3]);
    const latest = await latestPaths('grown');
    expect(latest.version).toBe(3);
    expect(latest.paths).toHaveLength(3 * PER_BATCH);
    expect(new Set(latest.paths.map((p) => p.split('/')[0]))).toEqual(new Set(['left', 'right', 'third']));
  });
});

describe('concurrent ingests on sqlite from two processes', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), 'assay-concurrent-cli-'));
    writeBatch(home, 'left', 0);
    writeBatch(home, 'right', 100);
    writeBatch(home, 'seed', 300);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('two `assay ingest` into one SQLite file: both exit 0 and the last version has both batches', async () => {
    const env = { ASSAY_HOME: path.join(home, '.assay'), ASSAY_DATABASE_URL: '', ASSAY_CLEARANCE: '', ASSAY_USER: '', ASSAY_MASTER_KEY: '', ASSAY_MASTER_KEY_FILE: '' };
    const cli = (folder: string) => runCli(['ingest', folder, '--dataset', 'shared', '--output', 'json'], { env, cwd: home });
    const seeded = await cli('seed'); // creates the store and its key before the race
    expect(seeded.code, seeded.stderr).toBe(0);
    const [l, r] = await Promise.all([cli('left'), cli('right')]);
    expect([l.code, r.code], `${l.stderr}\n${r.stderr}`).toEqual([0, 0]);
    const versions = [parseJsonOutput<{ version: number }>(l).version, parseJsonOutput<{ version: number }>(r).version];
    expect(versions.sort()).toEqual([2, 3]);
    const store = (await openStore({ home: env.ASSAY_HOME, databaseUrl: '' })) as KyselyStore;
    try {
      const docs = await datasetDb(store.db)
        .selectFrom('ds_version_documents as v')
        .innerJoin('ds_documents as d', 'd.id', 'v.document_id')
        .select('d.path')
        .where('v.dataset', '=', 'shared')
        .where('v.version', '=', 3)
        .execute();
      expect(docs).toHaveLength(3 * PER_BATCH);
      expect(new Set(docs.map((d) => d.path.split('/')[0]))).toEqual(new Set(['left', 'right', 'seed']));
    } finally {
      await store.close();
    }
  });
});
