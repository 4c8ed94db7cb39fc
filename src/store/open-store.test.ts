/** openStore: where it opens, the SQLite settings it applies, and errors that never leak a password. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssayError } from '../errors/index.js';
import { KyselyStore } from './kysely-store.js';
import { openStore } from './open-store.js';
import { createPostgresStore } from './postgres/postgres-store.js';
import { redactUrl } from './redact-url.js';

const PG_URL = process.env.ASSAY_TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';

async function rejection(promise: Promise<unknown>): Promise<AssayError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

describe('openStore', () => {
  const homes: string[] = [];
  const tempHome = () => {
    const home = mkdtempSync(join(tmpdir(), 'assay-open-'));
    homes.push(home);
    return home;
  };
  afterEach(() => {
    vi.unstubAllEnvs();
    for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
  });

  it('opens SQLite at $ASSAY_HOME/assay.db (creating folders) with WAL, NORMAL sync, busy timeout, FKs', async () => {
    const home = join(tempHome(), 'nested', 'home');
    vi.stubEnv('ASSAY_HOME', home);
    vi.stubEnv('ASSAY_DATABASE_URL', '');
    const store = await openStore();
    try {
      expect(store).toBeInstanceOf(KyselyStore);
      expect(store.dialect).toBe('sqlite');
      expect(existsSync(join(home, 'assay.db'))).toBe(true);
      const db = (store as KyselyStore).db;
      const pragma = async (name: string) => {
        const { rows } = await sql.raw<Record<string, unknown>>(`pragma ${name}`).execute(db);
        return Object.values(rows[0] ?? {})[0];
      };
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(1);
      expect(await pragma('busy_timeout')).toBe(5000);
      expect(await pragma('foreign_keys')).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('uses PostgreSQL when ASSAY_DATABASE_URL is set, in the requested schema', async () => {
    const schema = `assay_test_${randomBytes(6).toString('hex')}`;
    vi.stubEnv('ASSAY_DATABASE_URL', PG_URL);
    const store = await openStore({ home: tempHome(), schema });
    try {
      expect(store.dialect).toBe('postgres');
      const { rows } = await sql<{ s: string }>`select current_schema() as s`.execute((store as KyselyStore).db);
      expect(rows[0]?.s).toBe(schema);
    } finally {
      await store.close();
      const admin = await createPostgresStore({ url: PG_URL });
      await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await admin.close();
    }
  });

  it('fails with STORE_FAILURE and a hint when PostgreSQL is unreachable, never showing the password', async () => {
    const err = await rejection(openStore({ databaseUrl: 'postgres://alice:s3cr3t-pw@127.0.0.1:1/assay' }));
    expect(err.code).toBe('STORE_FAILURE');
    expect(err.message).toContain('postgres://alice:***@127.0.0.1:1/assay');
    expect(JSON.stringify(err.toJSON())).not.toContain('s3cr3t-pw');
    expect(err.hint).toMatch(/PostgreSQL is running/);
  });

  it('rejects a schema name that is not a plain identifier', async () => {
    const err = await rejection(openStore({ databaseUrl: PG_URL, schema: 'x"; drop table runs; --' }));
    expect(err.code).toBe('STORE_FAILURE');
  });

  it('fails with STORE_FAILURE and a hint when the SQLite home is not a folder', async () => {
    const file = join(tempHome(), 'not-a-folder');
    writeFileSync(file, 'x');
    const err = await rejection(openStore({ home: file, databaseUrl: '' }));
    expect(err.code).toBe('STORE_FAILURE');
    expect(err.message).toContain(join(file, 'assay.db'));
    expect(err.hint).toMatch(/ASSAY_HOME/);
  });
});

describe('redactUrl', () => {
  it('hides passwords in the URL and in query parameters, and leaves password-free URLs alone', () => {
    expect(redactUrl('postgres://me:secret@db:5432/assay')).toBe('postgres://me:***@db:5432/assay');
    expect(redactUrl('postgres://me@db/assay?password=secret&sslmode=require')).toBe(
      'postgres://me@db/assay?password=***&sslmode=require',
    );
    expect(redactUrl('postgres://127.0.0.1:5432/test')).toBe('postgres://127.0.0.1:5432/test');
    expect(redactUrl('not a url //me:secret@host')).not.toContain('secret');
  });
});
