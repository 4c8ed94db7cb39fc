// Migrating one PostgreSQL schema while other sessions drop theirs: Kysely's catalog introspection trips over the
// tables being dropped; the retry makes the migration succeed. Plus the retry's own rules.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isConcurrentDdlError, retryOnConcurrentDdl } from './concurrent-ddl.js';
import { openStore } from './open-store.js';
import { createPostgresStore } from './postgres/postgres-store.js';

const PG_URL = process.env.ASSAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const home = mkdtempSync(path.join(tmpdir(), 'assay-ddl-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('retryOnConcurrentDdl', () => {
  it('retries only the catalog errors a concurrent DROP causes, and gives up after the last attempt', async () => {
    let calls = 0;
    const flaky = async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error('column "status" of relation "t" does not exist'), { code: '42703' });
      return 'ok';
    };
    expect(await retryOnConcurrentDdl(flaky)).toBe('ok');
    expect(calls).toBe(3);
    const other = Object.assign(new Error('permission denied'), { code: '42501' });
    await expect(retryOnConcurrentDdl(async () => Promise.reject(other))).rejects.toBe(other);
    let n = 0;
    await expect(retryOnConcurrentDdl(async () => Promise.reject(Object.assign(new Error('x'), { code: 'XX000', n: ++n })), undefined, 3)).rejects.toThrow('x');
    expect(isConcurrentDdlError(new Error('wrapped', { cause: { code: '42P01' } }))).toBe(true);
  });
});

describe('migrating while other schemas are dropped (PostgreSQL)', () => {
  it('every store opens and migrates', async () => {
    const admin = await createPostgresStore({ url: PG_URL });
    const victims = Array.from({ length: 6 }, () => `assay_ddl_victim_${randomBytes(4).toString('hex')}`);
    const ours = Array.from({ length: 6 }, () => `assay_ddl_ours_${randomBytes(4).toString('hex')}`);
    try {
      // Schemas full of tables (a migrated store each), to be dropped while ours migrate.
      for (const schema of victims) await (await openStore({ databaseUrl: PG_URL, schema, home })).close();
      const drops = victims.map((schema) => admin.db.schema.dropSchema(schema).cascade().execute());
      const opens = ours.map(async (schema) => (await openStore({ databaseUrl: PG_URL, schema, home })).close());
      const results = await Promise.allSettled([...opens, ...drops]);
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    } finally {
      for (const schema of [...victims, ...ours]) await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await admin.close();
    }
  }, 120_000);
});
