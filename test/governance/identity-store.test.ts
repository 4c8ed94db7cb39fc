// The identity store on SQLite and PostgreSQL (unique schema per run): users, passwords, tokens, expiry, revocation.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../src/errors/index.js';
import { hashPassword, hashToken, KyselyIdentityStore, type IdentityTables } from '../../src/governance/identity/index.js';
import { AUDIT_HARNESSES, type AuditHarness } from './audit-harness.js';

const T0 = Date.parse('2030-01-01T00:00:00.000Z');
const DAY = 24 * 3600 * 1000;

for (const [dialect, open] of Object.entries(AUDIT_HARNESSES)) {
  describe(`identity store on ${dialect}`, () => {
    let h: AuditHarness;
    let clock = T0;
    let ids: KyselyIdentityStore;
    beforeAll(async () => {
      h = await open();
      ids = new KyselyIdentityStore({ db: h.store.db, now: () => new Date(clock) });
      await ids.createUser({ id: 'ann', name: 'Ann Analyst', roles: ['evaluator', 'viewer'], clearance: 'TS//SI//NF' });
      await ids.createUser({ id: 'bob', name: 'Bob', roles: ['admin'], clearance: 'SECRET' });
    });
    afterAll(async () => h.cleanup());

    const raw = () => h.store.db.withTables<IdentityTables>();

    it('stores users with canonical clearance and a label; reads, lists and updates them', async () => {
      expect(await ids.getUser('ann')).toEqual({ id: 'ann', name: 'Ann Analyst', roles: ['evaluator', 'viewer'], clearance: 'TOP SECRET//SI//NOFORN', disabled: false });
      expect(await ids.getUser('nobody')).toBeUndefined();
      expect((await ids.listUsers()).map((u) => u.id)).toEqual(['ann', 'bob']);
      const row = await raw().selectFrom('users').selectAll().where('id', '=', 'ann').executeTakeFirstOrThrow();
      expect(row.label).toBe('UNCLASSIFIED');
      expect(JSON.parse(row.roles)).toEqual(['evaluator', 'viewer']);
      expect(await ids.updateUser('bob', { clearance: 'S//REL TO USA, GBR', roles: ['admin', 'auditor'] })).toMatchObject({ clearance: 'SECRET//REL TO USA, GBR', roles: ['admin', 'auditor'] });
      expect((await ids.getUser('bob'))?.clearance).toBe('SECRET//REL TO USA, GBR');
      await expect(ids.updateUser('nobody', { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(ids.updateUser('bob', { clearance: 'garbage' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
      await expect(ids.createUser({ id: 'ann', name: 'Again', roles: ['viewer'], clearance: 'U' })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('already exists') });
    });

    it('passwords: stored as scrypt only; right, wrong, unknown, none, disabled', async () => {
      expect(await ids.authenticatePassword('ann', 'anything at all')).toEqual({ ok: false, reason: 'no-password' });
      await ids.setPassword('ann', 'a long passphrase 1');
      const row = await raw().selectFrom('users').select('password_hash').where('id', '=', 'ann').executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
      expect(row.password_hash).not.toContain('a long passphrase');
      expect(await ids.authenticatePassword('ann', 'a long passphrase 1')).toMatchObject({ ok: true, user: { id: 'ann' } });
      expect(await ids.authenticatePassword('ann', 'a long passphrase 2')).toEqual({ ok: false, reason: 'wrong-password' });
      expect(await ids.authenticatePassword('ghost', 'a long passphrase 1')).toEqual({ ok: false, reason: 'unknown-user' });
      await expect(ids.setPassword('ann', 'short')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
      await expect(ids.setPassword('ghost', 'a long passphrase 1')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await ids.updateUser('ann', { disabled: true });
      expect(await ids.authenticatePassword('ann', 'a long passphrase 1')).toEqual({ ok: false, reason: 'disabled' });
      await ids.updateUser('ann', { disabled: false });
    });

    it('a hash with weaker stored parameters still verifies and is upgraded at sign-in', async () => {
      const weak = await hashPassword('upgrade me please', { logN: 15, r: 1, p: 1 });
      await raw().updateTable('users').set({ password_hash: weak }).where('id', '=', 'bob').execute();
      expect(await ids.authenticatePassword('bob', 'upgrade me please')).toMatchObject({ ok: true, user: { id: 'bob' } });
      const row = await raw().selectFrom('users').select('password_hash').where('id', '=', 'bob').executeTakeFirstOrThrow();
      expect(row.password_hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/);
      expect(await ids.authenticatePassword('bob', 'upgrade me please')).toMatchObject({ ok: true });
    });

    it('tokens: shown once, stored as SHA-256, verified, last use recorded, expiry and revocation', async () => {
      const { token, record } = await ids.issueToken('ann', { name: 'ci', ttlMs: DAY });
      expect(record).toMatchObject({ userId: 'ann', name: 'ci', createdAt: new Date(T0).toISOString(), expiresAt: new Date(T0 + DAY).toISOString(), lastUsedAt: null, revokedAt: null });
      const rows = await raw().selectFrom('api_tokens').selectAll().execute();
      expect(rows.map((r) => r.token_hash)).toContain(hashToken(token));
      expect(JSON.stringify(rows)).not.toContain(token.slice(6));
      expect(rows.every((r) => r.label === 'UNCLASSIFIED')).toBe(true);

      clock = T0 + DAY / 2;
      const ok = await ids.authenticateToken(token);
      expect(ok).toMatchObject({ ok: true, user: { id: 'ann' }, token: { id: record.id, lastUsedAt: new Date(clock).toISOString() } });
      expect((await ids.listTokens('ann'))[0]?.lastUsedAt).toBe(new Date(clock).toISOString());
      expect(await ids.authenticateToken(`${token}x`)).toEqual({ ok: false, reason: 'unknown-token' });
      expect(await ids.authenticateToken('')).toEqual({ ok: false, reason: 'unknown-token' });

      clock = T0 + DAY;
      expect(await ids.authenticateToken(token)).toEqual({ ok: false, reason: 'expired' });

      clock = T0;
      const second = await ids.issueToken('ann');
      expect(Date.parse(second.record.expiresAt) - T0).toBe(90 * DAY);
      expect(await ids.revokeToken(second.record.id)).toBe(true);
      expect(await ids.revokeToken(second.record.id)).toBe(false);
      expect(await ids.authenticateToken(second.token)).toEqual({ ok: false, reason: 'revoked' });
      expect((await ids.listTokens('ann')).map((t) => t.id).sort()).toEqual([record.id, second.record.id].sort());

      const third = await ids.issueToken('bob');
      await ids.updateUser('bob', { disabled: true });
      expect(await ids.authenticateToken(third.token)).toEqual({ ok: false, reason: 'disabled' });
      await ids.updateUser('bob', { disabled: false });
      await expect(ids.issueToken('ghost')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(ids.issueToken('ann', { ttlMs: 0 })).rejects.toBeInstanceOf(AssayError);
    });

    it('token hashes are unique in the table; an aborted call does nothing', async () => {
      const { record } = await ids.issueToken('ann');
      const row = await raw().selectFrom('api_tokens').selectAll().where('id', '=', record.id).executeTakeFirstOrThrow();
      await expect(raw().insertInto('api_tokens').values({ ...row, id: 'dup', label: 'UNCLASSIFIED' }).execute()).rejects.toThrow();
      const ac = new AbortController();
      ac.abort();
      await expect(ids.createUser({ id: 'carl', name: 'Carl', roles: ['viewer'], clearance: 'U' }, { signal: ac.signal })).rejects.toMatchObject({ code: 'ABORTED' });
      expect(await ids.getUser('carl')).toBeUndefined();
      const count = await sql<{ n: number }>`select count(*) as n from users`.execute(h.store.db);
      expect(Number(count.rows[0]!.n)).toBe(2);
    });
  });
}
