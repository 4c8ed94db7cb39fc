// Who is acting: ASSAY_USER signs in with a token or password (audited 'login', success and failure), otherwise the
// local operator (stored roles/clearance, else ASSAY_CLEARANCE, else the system high). Secrets never reach the
// database, the audit log or an error. On SQLite and PostgreSQL.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentUser } from '../../src/cli/current-user.js';
import { AssayError } from '../../src/errors/index.js';
import type { AuditEntry } from '../../src/governance/audit/index.js';
import { DEFAULT_SYSTEM_HIGH, KyselyIdentityStore, localOperator } from '../../src/governance/identity/index.js';
import { AUDIT_HARNESSES, type AuditHarness } from './audit-harness.js';

const PASSWORD = 'Tr0ub4dor&3-horse-battery';

async function refusal(p: Promise<unknown>): Promise<AssayError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AssayError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

for (const [dialect, open] of Object.entries(AUDIT_HARNESSES)) {
  describe(`currentUser on ${dialect}`, () => {
    let h: AuditHarness;
    let ids: KyselyIdentityStore;
    let token: string;
    let otherToken: string;
    const home = mkdtempSync(path.join(tmpdir(), 'assay-who-'));
    const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ ASSAY_HOME: home, ...extra });
    const errors: string[] = [];

    beforeAll(async () => {
      process.env.ASSAY_AUDIT_KEY_FILE = path.join(home, 'keys', 'audit.pem');
      h = await open();
      ids = new KyselyIdentityStore({ db: h.store.db });
      await ids.createUser({ id: 'ann', name: 'Ann', roles: ['viewer'], clearance: 'SECRET' });
      await ids.createUser({ id: 'bob', name: 'Bob', roles: ['evaluator'], clearance: 'TOP SECRET' });
      await ids.setPassword('ann', PASSWORD);
      token = (await ids.issueToken('ann')).token;
      otherToken = (await ids.issueToken('bob')).token;
    });
    afterAll(async () => {
      delete process.env.ASSAY_AUDIT_KEY_FILE;
      await h.cleanup();
      rmSync(home, { recursive: true, force: true });
    });

    it('the local operator: admin at the system high, or ASSAY_CLEARANCE, or ASSAY_SYSTEM_HIGH', async () => {
      const me = await currentUser({ store: h.store, env: env({}) });
      expect(me).toEqual(localOperator({ clearance: DEFAULT_SYSTEM_HIGH }));
      expect(me.roles).toEqual(['admin']);
      expect((await currentUser({ store: h.store, env: env({ ASSAY_CLEARANCE: 'S//NF' }) })).clearance).toBe('SECRET//NOFORN');
      expect((await currentUser({ store: h.store, env: env({ ASSAY_SYSTEM_HIGH: 'TS//SI//REL TO USA, GBR' }) })).clearance).toBe('TOP SECRET//SI//REL TO USA, GBR');
      expect((await refusal(currentUser({ store: h.store, env: env({ ASSAY_CLEARANCE: 'VERY SECRET' }) }))).code).toBe('CONFIG_INVALID');
    });

    it('a stored user with the local operator id supplies its roles and clearance; disabled is refused', async () => {
      const id = localOperator({ clearance: 'U' }).id;
      await ids.createUser({ id, name: 'me', roles: ['viewer'], clearance: 'CONFIDENTIAL' });
      expect(await currentUser({ store: h.store, env: env({ ASSAY_CLEARANCE: 'TS' }) })).toMatchObject({ id, roles: ['viewer'], clearance: 'CONFIDENTIAL' });
      await ids.updateUser(id, { disabled: true });
      const e = await refusal(currentUser({ store: h.store, env: env({}) }));
      expect(e.code).toBe('UNAUTHENTICATED');
      expect(e.exitCode).toBe(2);
    });

    it('ASSAY_USER with a token or password signs in; anything else is UNAUTHENTICATED; every attempt audited', async () => {
      expect(await currentUser({ store: h.store, env: env({ ASSAY_USER: 'ann', ASSAY_TOKEN: token }) })).toMatchObject({ id: 'ann', clearance: 'SECRET' });
      expect(await currentUser({ store: h.store, env: env({ ASSAY_USER: 'ann', ASSAY_PASSWORD: PASSWORD }) })).toMatchObject({ id: 'ann' });
      const bad: NodeJS.ProcessEnv[] = [
        { ASSAY_USER: 'ann', ASSAY_TOKEN: `${token}x` },
        { ASSAY_USER: 'ann', ASSAY_TOKEN: otherToken },
        { ASSAY_USER: 'ann', ASSAY_PASSWORD: `${PASSWORD}!` },
        { ASSAY_USER: 'nobody', ASSAY_PASSWORD: PASSWORD },
        { ASSAY_USER: 'ann' },
      ];
      const messages = new Set<string>();
      for (const e of bad) {
        const err = await refusal(currentUser({ store: h.store, env: env(e) }));
        expect(err.code).toBe('UNAUTHENTICATED');
        errors.push(JSON.stringify(err.toJSON()));
        messages.add(err.message.replace(/"[^"]*"/, 'X'));
      }
      // One generic message: the error does not say whether the account exists or which part was wrong.
      expect(messages.size).toBe(1);
      const entries: AuditEntry[] = [];
      for await (const e of h.log().scan()) if (e.ok) entries.push(e.entry);
      const logins = entries.filter((e) => e.action === 'login').map((e) => [e.actor, e.outcome, e.details.method, e.details.reason ?? null]);
      expect(logins).toEqual([
        ['ann', 'success', 'token', null],
        ['ann', 'success', 'password', null],
        ['ann', 'failure', 'token', 'unknown-token'],
        ['ann', 'failure', 'token', 'token-of-another-user'],
        ['ann', 'failure', 'password', 'wrong-password'],
        ['nobody', 'failure', 'password', 'unknown-user'],
        ['ann', 'failure', 'none', 'no-credential'],
      ]);
    });

    it('no token or password appears in the database, the audit log or any error (only hashes are stored)', async () => {
      const dump: string[] = [...errors];
      for (const table of ['users', 'api_tokens', 'audit_log'] as const) {
        dump.push(JSON.stringify(await h.store.db.withTables<Record<string, Record<string, unknown>>>().selectFrom(table).selectAll().execute()));
      }
      if (dialect === 'sqlite') {
        // The raw file too (and its WAL), so nothing hides in a page the queries above do not show.
        const file = (await sql<{ file: string }>`pragma database_list`.execute(h.store.db)).rows[0]!.file;
        for (const f of [file, `${file}-wal`]) if (existsSync(f)) dump.push(readFileSync(f).toString('latin1'));
      }
      const text = dump.join('\n');
      expect(text).toContain('$scrypt$');
      for (const secret of [token, otherToken, PASSWORD, `${PASSWORD}!`, token.slice(6)]) expect(text).not.toContain(secret);
    });
  });
}

