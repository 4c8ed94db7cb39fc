// The signed head anchor and the append-only triggers: a cut-off tail after the last checkpoint, a deleted or forged
// anchor, and SQL edits of history are all caught (SQLite and PostgreSQL).
import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { KyselyAuditLog } from '../../src/governance/audit/kysely-audit-log.js';
import { openStore } from '../../src/store/open-store.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { dropAppendOnlyTriggers, PG_URL } from './audit-harness.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const schemas = new WeakMap<KyselyStore, string>();
const DIALECTS = {
  sqlite: async () => (await openStore({ home: tmp(), databaseUrl: '' })) as KyselyStore,
  postgres: async () => {
    const schema = `assay_anchor_${randomBytes(5).toString('hex')}`;
    const store = (await openStore({ databaseUrl: PG_URL, schema })) as KyselyStore;
    schemas.set(store, schema);
    return store;
  },
};

function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'assay-anchor-'));
  dirs.push(d);
  return d;
}

async function dropSchema(store: KyselyStore): Promise<void> {
  const schema = schemas.get(store);
  await store.close();
  const admin = await createPostgresStore({ url: PG_URL });
  try {
    if (schema) await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
  } finally {
    await admin.close();
  }
}

for (const [dialect, open] of Object.entries(DIALECTS)) {
  describe(`audit head anchor and append-only triggers (${dialect})`, () => {
    it('the database refuses UPDATE and DELETE of audit rows', async () => {
      const store = await open();
      try {
        const dir = tmp();
        const log = new KyselyAuditLog({ db: store.db, dialect: store.dialect, actor: 't', keyFile: path.join(dir, 'k.pem'), checkpointEvery: 2 });
        for (let i = 0; i < 3; i++) await log.append({ action: 'config.change', object: { type: 't', id: String(i), label: 'UNCLASSIFIED' } });
        const db = store.db.withTables<{ audit_log: { seq: number; actor: string }; audit_checkpoints: { seq: number; time: string } }>();
        await expect(db.updateTable('audit_log').set({ actor: 'mallory' }).where('seq', '=', 1).execute()).rejects.toThrow(/append-only/);
        await expect(db.deleteFrom('audit_log').where('seq', '=', 3).execute()).rejects.toThrow(/append-only/);
        await expect(db.updateTable('audit_checkpoints').set({ time: 'x' }).execute()).rejects.toThrow(/append-only/);
        await expect(db.deleteFrom('audit_checkpoints').execute()).rejects.toThrow(/append-only/);
        const v = await log.verify();
        expect(v.firstBad).toBeUndefined();
        expect(v).toMatchObject({ ok: true, entries: 3, checkpoints: 1 });
      } finally {
        if (dialect === 'postgres') await dropSchema(store);
        else await store.close();
      }
    });

    it('catches a tail cut off after the last checkpoint, a deleted anchor and a forged anchor', async () => {
      const store = await open();
      try {
        const dir = tmp();
        const anchorFile = path.join(dir, 'keys', 'audit-head.json');
        const log = new KyselyAuditLog({ db: store.db, dialect: store.dialect, actor: 't', keyFile: path.join(dir, 'keys', 'k.pem'), checkpointEvery: 5, anchorFile, anchorRequired: true });
        for (let i = 0; i < 8; i++) await log.append({ action: 'read', object: { type: 'run', id: String(i), label: 'SECRET' } });
        expect(JSON.parse(readFileSync(anchorFile, 'utf8'))).toMatchObject({ seq: 8 });
        expect(await log.verify()).toMatchObject({ ok: true, entries: 8 });

        await dropAppendOnlyTriggers(store);
        const db = store.db.withTables<{ audit_log: { seq: number } }>();
        // Entries 7 and 8 come after the last checkpoint (5): only the anchor can tell they existed.
        await db.deleteFrom('audit_log').where('seq', '>=', 7).execute();
        expect(await log.verify()).toMatchObject({ ok: false, entries: 6, firstBad: { seq: 7, reason: expect.stringContaining('head anchor proves it reached entry 8') } });

        const saved = readFileSync(anchorFile, 'utf8');
        const forged = { ...JSON.parse(saved), seq: 6 };
        writeFileSync(anchorFile, JSON.stringify(forged));
        expect((await log.verify()).firstBad?.reason).toMatch(/invalid signature/);

        unlinkSync(anchorFile);
        expect(await log.verify()).toMatchObject({ ok: false, firstBad: { reason: expect.stringContaining('anchor') } });
        expect((await log.verify()).firstBad?.reason).toMatch(/is missing/);
      } finally {
        if (dialect === 'postgres') await dropSchema(store);
        else await store.close();
      }
    });
  });
}
