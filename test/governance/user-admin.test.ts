// Account management as a core service, on SQLite and PostgreSQL: admins only, no clearance granted above one's
// own, every change audited as permission.change, and no password or token in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createUserToken, listUsers, revokeUserToken, setUser, setUserPassword, showUser, type UserAdminContext } from '../../src/governance/access/user-admin.js';
import type { AuditEntry } from '../../src/governance/audit/index.js';
import { KyselyIdentityStore, type User } from '../../src/governance/identity/index.js';
import { AUDIT_HARNESSES, type AuditHarness } from './audit-harness.js';

const admin: User = { id: 'root', name: 'root', roles: ['admin'], clearance: 'SECRET//NOFORN', disabled: false };
const auditor: User = { ...admin, id: 'aud', roles: ['auditor'] };
const PASSWORD = 'a long enough passphrase 42';

for (const [dialect, open] of Object.entries(AUDIT_HARNESSES)) {
  describe(`user admin on ${dialect}`, () => {
    let h: AuditHarness;
    let ctx: UserAdminContext;
    beforeAll(async () => {
      h = await open();
      ctx = { by: admin, identities: new KyselyIdentityStore({ db: h.store.db }), audit: h.log() };
    });
    afterAll(async () => h.cleanup());

    it('adds, lists, shows, sets, disables; tokens and passwords; all audited without secrets', async () => {
      await addUser(ctx, { id: 'ann', name: 'Ann', roles: ['viewer'], clearance: 'C' }, PASSWORD);
      expect((await listUsers(ctx)).map((u) => u.id)).toEqual(['ann']);
      expect(await setUser(ctx, 'ann', { roles: ['evaluator'], clearance: 'S//NF' })).toMatchObject({ roles: ['evaluator'], clearance: 'SECRET//NOFORN' });
      const { token, record } = await createUserToken(ctx, 'ann', { name: 'ci' });
      expect((await showUser(ctx, 'ann')).tokens.map((t) => t.id)).toEqual([record.id]);
      await revokeUserToken(ctx, record.id);
      await expect(revokeUserToken(ctx, record.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await setUserPassword(ctx, 'ann', `${PASSWORD}!`);
      expect(await setUser(ctx, 'ann', { disabled: true })).toMatchObject({ disabled: true });

      const entries: AuditEntry[] = [];
      for await (const e of h.log().scan()) if (e.ok) entries.push(e.entry);
      expect(entries.map((e) => [e.action, e.actor, e.details.verb])).toEqual(
        ['add', 'set', 'token.create', 'token.revoke', 'passwd', 'set'].map((v) => ['permission.change', 'root', v]),
      );
      const text = JSON.stringify(entries);
      for (const secret of [token, PASSWORD]) expect(text).not.toContain(secret);
    });

    it('refuses non-admins (FORBIDDEN) and a clearance above the admin\'s own', async () => {
      await expect(listUsers({ ...ctx, by: auditor })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(addUser({ ...ctx, by: auditor }, { id: 'x', name: 'x', roles: ['viewer'], clearance: 'U' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(addUser(ctx, { id: 'ts', name: 'ts', roles: ['viewer'], clearance: 'TOP SECRET' })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('cannot grant') });
      await expect(setUser(ctx, 'ann', { clearance: 'SECRET//SI//NOFORN' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(setUser(ctx, 'nobody', { name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });
}
