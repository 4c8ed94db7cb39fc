// The rewrap pass over the ENCRYPTED_COLUMNS registry on both dialects: tokens read before and after, counts move to
// the new key, a process still holding the old key is covered, drop-retired only after a clean pass, tampering fails.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssayError } from '../../src/errors/index.js';
import {
  dropRetiredKeys, ENCRYPTED_COLUMNS, keyringCipher, loadKeyring, readKeyFile, rewrapAll, rotateMasterKey, sealFile, openSealedFile,
  tokenCensus, type EncryptedColumn, type FieldCipher,
} from '../../src/governance/crypto/index.js';
import { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { makeCacheEntry, makeErrorResult, makeResult, makeRun } from '../../src/store/store-test-fixtures.js';

const PG_URL = process.env.ASSAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** A table of another domain, registered like theirs: the pass must cover it with no change to the pass. */
const PROBE: EncryptedColumn = { table: 'probe_items', column: 'body', rowId: ['set_id', 'n'] };
const COLUMNS = [...ENCRYPTED_COLUMNS, PROBE];

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`rotation on ${dialect}`, () => {
    let home: string;
    let schema: string;
    let store: KyselyStore;
    const open = async (cipher?: FieldCipher) =>
      (await openStore(dialect === 'sqlite' ? { home, databaseUrl: '', cipher } : { home, databaseUrl: PG_URL, schema, cipher })) as KyselyStore;

    beforeEach(async () => {
      home = mkdtempSync(path.join(tmpdir(), 'assay-rot-'));
      schema = `assay_rot_${randomBytes(5).toString('hex')}`;
      store = await open();
      await store.createRun(makeRun({ error: 'the model replied: nope' }));
      for (let i = 0; i < 7; i++) await store.saveSampleResult(makeResult('run-1', `s${i}`, 1));
      await store.saveSampleResult(makeErrorResult('run-1', 'bad', 2));
      await store.cachePut(makeCacheEntry());
      await sql`create table probe_items (set_id text not null, n integer not null, body text, label text not null default 'UNCLASSIFIED', primary key (set_id, n))`.execute(store.db);
      for (let n = 0; n < 5; n++) {
        const body = store.cipher.seal(`probe ${n}`, { table: 'probe_items', column: 'body', rowId: `set:${n}` });
        await sql`insert into probe_items (set_id, n, body) values (${'set'}, ${n}, ${body})`.execute(store.db);
      }
    });
    afterEach(async () => {
      await store.close();
      if (dialect === 'postgres') {
        const admin = await createPostgresStore({ url: PG_URL });
        await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
        await admin.close();
      }
      rmSync(home, { recursive: true, force: true });
    });

    it('moves every token to the new key in batches; before/after reads agree; drop-retired only after a clean pass', async () => {
      const keyFile = path.join(home, 'keys', 'master.key');
      const k0 = loadKeyring({ keyFile });
      const reports = path.join(home, 'reports');
      sealFile({ cipher: store.cipher, home, plainFile: path.join(reports, 'r.html'), text: '<p>report</p>' });
      const before = { results: await store.listSampleResults('run-1'), run: await store.getRun('run-1'), cache: await store.cacheGet(makeCacheEntry().key) };
      const census0 = await tokenCensus(store.db, COLUMNS);
      const total = census0.reduce((s, c) => s + (c.byKey[k0.current.id] ?? 0), 0);
      expect(census0.every((c) => Object.keys(c.byKey).every((id) => id === k0.current.id) && c.plaintext === 0)).toBe(true);
      expect(census0.find((c) => c.table === 'probe_items')?.byKey[k0.current.id]).toBe(5);

      // A process that opened before the rotation and keeps only the old keyring in memory.
      const stale = await open(keyringCipher(k0));
      const k1 = rotateMasterKey({ keyFile });
      expect(k1.retired.map((k) => k.id)).toEqual([k0.current.id]);
      // It writes during the rotation: a token under the (now retired) old key.
      await stale.saveSampleResult(makeResult('run-1', 'late', 1));

      const pass = await rewrapAll({ db: store.db, keyring: k1, filesDir: reports, columns: COLUMNS, batchSize: 3 });
      const moved = pass.columns.reduce((s, c) => s + c.rewrapped, 0);
      expect(moved).toBeGreaterThanOrEqual(total); // plus the late sample's tokens
      expect(pass.columns.every((c) => c.failed === 0)).toBe(true);
      expect(pass.files).toMatchObject({ scanned: 1, rewrapped: 1, failed: 0 });
      expect(pass.remaining).toEqual({ tokens: 0, files: 0 });
      const census1 = await tokenCensus(store.db, COLUMNS);
      expect(census1.reduce((s, c) => s + (c.byKey[k1.current.id] ?? 0), 0)).toBe(moved);
      expect(census1.every((c) => Object.keys(c.byKey).every((id) => id === k1.current.id))).toBe(true);

      // The store opened before the rotation follows the key file, so it reads the re-wrapped tokens unchanged.
      const after = await store.listSampleResults('run-1');
      expect(after.filter((r) => r.sampleId !== 'late')).toEqual(before.results);
      expect(await store.getRun('run-1')).toEqual(before.run);
      expect(await store.cacheGet(makeCacheEntry().key)).toEqual(before.cache);
      expect(openSealedFile({ cipher: store.cipher, home, plainFile: path.join(reports, 'r.html') })).toBe('<p>report</p>');

      // The stale process writes again after the pass: verification sees it, so retired keys must stay.
      await stale.saveSampleResult(makeResult('run-1', 'later', 1));
      const census2 = await tokenCensus(store.db, COLUMNS);
      expect(census2.find((c) => c.table === 'sample_results' && c.column === 'output')?.byKey[k0.current.id]).toBe(1);
      await stale.close();
      const second = await rewrapAll({ db: store.db, keyring: k1, filesDir: reports, columns: COLUMNS });
      expect(second.remaining).toEqual({ tokens: 0, files: 0 });
      dropRetiredKeys({ keyFile });
      expect(readKeyFile(keyFile)?.ids).toEqual([k1.current.id]);
      const reopened = await open();
      try {
        expect((await reopened.listSampleResults('run-1')).map((r) => r.sampleId)).toContain('later');
      } finally {
        await reopened.close();
      }
    });

    it('a token altered by one character fails authentication (STORE_FAILURE), never decrypts to something else', async () => {
      const row = await store.db.selectFrom('sample_results').select(['sample_id', 'output']).where('sample_id', '=', 's3').executeTakeFirstOrThrow();
      const token = row.output!;
      const at = token.length - 10;
      const altered = token.slice(0, at) + (token[at] === 'A' ? 'B' : 'A') + token.slice(at + 1);
      await store.db.updateTable('sample_results').set({ output: altered }).where('sample_id', '=', 's3').execute();
      const err = await store.listSampleResults('run-1').then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(AssayError);
      expect((err as AssayError).code).toBe('STORE_FAILURE');
      expect((err as AssayError).message).toMatch(/sample_results\.output of row run-1:s3:1: .*failed authentication/);
      // A rewrap pass leaves the ciphertext as it is: the tampering is still caught after rotation.
      const keyring = rotateMasterKey({ keyFile: path.join(home, 'keys', 'master.key') });
      const pass = await rewrapAll({ db: store.db, keyring, filesDir: path.join(home, 'reports'), columns: COLUMNS });
      expect(pass.remaining.tokens).toBe(0);
      await expect(store.listSampleResults('run-1')).rejects.toThrow(/failed authentication/);
    });
  });
}
