// Opens a real store (SQLite in a temp folder, or PostgreSQL in a unique schema) with its audit log, and tampers rows by hand.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { AuditTables } from '../../src/governance/audit/audit-tables.js';
import { KyselyAuditLog } from '../../src/governance/audit/kysely-audit-log.js';
import { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { Store } from '../../src/store/store.js';

/** Trust-auth PostgreSQL on this machine; override with ASSAY_TEST_DATABASE_URL. */
export const PG_URL = process.env.ASSAY_TEST_DATABASE_URL ?? 'postgres://127.0.0.1:5432/test';

export interface AuditHarness {
  store: KyselyStore;
  /** Raw access to the audit tables, for tampering. */
  db: Kysely<AuditTables>;
  /** A log over the store; more logs over fresh connections with `openAnother`. */
  log(options?: { checkpointEvery?: number; actor?: string }): KyselyAuditLog;
  /** A second store (own connection or pool) on the same database. */
  openAnother(): Promise<KyselyStore>;
  keyFile: string;
  cleanup(): Promise<void>;
}

function asKysely(store: Store): KyselyStore {
  if (!(store instanceof KyselyStore)) throw new Error('expected a KyselyStore');
  return store;
}

/**
 * Drops the append-only triggers of migration 0009, as an attacker who owns the database file or server can: the
 * tamper tests play that attacker, and what they change must still be caught by `verify`.
 */
export async function dropAppendOnlyTriggers(store: KyselyStore): Promise<void> {
  const names = ['audit_log', 'audit_checkpoints'].flatMap((t) =>
    store.dialect === 'postgres' ? [`drop trigger if exists ${t}_no_change on ${t}`, `drop trigger if exists ${t}_no_truncate on ${t}`] : [`drop trigger if exists ${t}_no_update`, `drop trigger if exists ${t}_no_delete`],
  );
  for (const statement of names) await sql.raw(statement).execute(store.db);
}

async function harness(open: () => Promise<KyselyStore>, dropDatabase: () => Promise<void>): Promise<AuditHarness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'assay-audit-'));
  const keyFile = path.join(dir, 'keys', 'audit-signing.pem');
  const store = await open();
  await dropAppendOnlyTriggers(store);
  const others: KyselyStore[] = [];
  return {
    store,
    db: store.db.withTables<AuditTables>() as unknown as Kysely<AuditTables>,
    keyFile,
    log: (o = {}) => new KyselyAuditLog({ db: store.db, dialect: store.dialect, actor: o.actor ?? 'local:tester@host', keyFile, checkpointEvery: o.checkpointEvery ?? 5 }),
    openAnother: async () => {
      const s = await open();
      others.push(s);
      return s;
    },
    cleanup: async () => {
      await Promise.all([store, ...others].map((s) => s.close()));
      await dropDatabase();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function sqliteHarness(): Promise<AuditHarness> {
  const home = mkdtempSync(path.join(tmpdir(), 'assay-audit-db-'));
  return harness(async () => asKysely(await openStore({ home, databaseUrl: '' })), async () => rmSync(home, { recursive: true, force: true }));
}

async function postgresHarness(): Promise<AuditHarness> {
  const schema = `assay_audit_${randomBytes(6).toString('hex')}`;
  return harness(
    async () => asKysely(await openStore({ databaseUrl: PG_URL, schema })),
    async () => {
      const admin = await createPostgresStore({ url: PG_URL });
      try {
        await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
      } finally {
        await admin.close();
      }
    },
  );
}

/** Dialect → harness factory: every audit test runs on both. */
export const AUDIT_HARNESSES = { sqlite: sqliteHarness, postgres: postgresHarness } as const;

/** A small seeded PRNG (mulberry32): the property loops replay exactly from their seed. */
export function seeded(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)]! };
}
