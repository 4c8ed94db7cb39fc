// Access decisions: role permissions, clearance over every verb, derived labels, and the two-person downgrade rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_ACTIONS, approveDowngrade, authorize, canRead, derivedLabel, PERMISSIONS, requestDowngrade } from '../../src/governance/access/index.js';
import { ROLES, toUser, type User } from '../../src/governance/identity/index.js';
import { AUDIT_HARNESSES, type AuditHarness } from './audit-harness.js';

const user = (id: string, roles: User['roles'], clearance: string, disabled = false): User => toUser({ id, name: id, roles: [...roles], clearance, disabled });
const OBJECT = { type: 'report', id: 'rep-1', label: 'SECRET//NOFORN' };

describe('authorize', () => {
  it('a viewer cleared SECRET is denied every verb on a TOP SECRET object', () => {
    const viewer = user('vic', ['viewer'], 'SECRET');
    for (const action of ACCESS_ACTIONS) {
      const d = authorize(viewer, action, 'TOP SECRET');
      expect(d.allowed, action).toBe(false);
    }
    expect(authorize(viewer, 'read', 'TOP SECRET').reason).toContain('does not dominate');
    expect(canRead(viewer, 'TOP SECRET')).toBe(false);
  });

  it('even a TOP SECRET admin is denied every verb on an object with a compartment they lack', () => {
    const admin = user('ada', ROLES, 'TOP SECRET//SI//NOFORN');
    for (const action of ACCESS_ACTIONS) expect(authorize(admin, action, 'TOP SECRET//TK//NOFORN').allowed, action).toBe(false);
    for (const action of ACCESS_ACTIONS) expect(authorize(admin, action, 'TOP SECRET//SI//NOFORN').allowed, action).toBe(true);
  });

  it('roles grant exactly the actions in PERMISSIONS', () => {
    for (const role of ROLES) {
      const u = user(`u-${role}`, [role], 'TOP SECRET');
      for (const action of ACCESS_ACTIONS) {
        const expected = (PERMISSIONS[action] as readonly string[]).includes(role);
        expect(authorize(u, action, 'SECRET').allowed, `${role} ${action}`).toBe(expected);
        expect(authorize(u, action).allowed, `${role} ${action} unlabelled`).toBe(expected);
      }
    }
    expect(authorize(user('v', ['viewer'], 'TOP SECRET'), 'eval.run', 'UNCLASSIFIED').reason).toContain('may eval.run');
  });

  it('disabled users and unreadable labels are denied', () => {
    expect(authorize(user('d', ['admin'], 'TOP SECRET', true), 'read', 'UNCLASSIFIED')).toEqual({ allowed: false, reason: 'user d is disabled' });
    expect(canRead(user('d', ['admin'], 'TOP SECRET', true), 'UNCLASSIFIED')).toBe(false);
    expect(authorize(user('a', ['admin'], 'TOP SECRET'), 'read', 'no marking here').allowed).toBe(false);
  });

  it('releasability: a coalition clearance cannot read NOFORN', () => {
    const gbr = user('g', ['viewer'], 'SECRET//REL TO USA, GBR');
    expect(canRead(gbr, 'SECRET//REL TO USA, GBR, AUS')).toBe(true);
    expect(canRead(gbr, 'SECRET//NOFORN')).toBe(false);
  });
});

describe('derivedLabel', () => {
  it('rolls inputs up; nothing gives UNCLASSIFIED; unreadable inputs are refused', () => {
    expect(derivedLabel(['(S//NF)', 'CONFIDENTIAL//REL TO USA, GBR', '(U)'])).toBe('SECRET//NOFORN');
    expect(derivedLabel(['TOP SECRET//SI', 'SECRET//TK//ORCON'])).toBe('TOP SECRET//SI/TK//ORCON');
    expect(derivedLabel([])).toBe('UNCLASSIFIED');
    expect(() => derivedLabel(['SECRET', 'nonsense'])).toThrow(/not a readable marking/);
  });
});

describe('two-person downgrade', () => {
  const analyst = user('ann', ['evaluator'], 'TOP SECRET//SI//NOFORN');
  const admin = user('bob', ['admin'], 'SECRET//NOFORN');
  const isso = user('isa', ['auditor'], 'TOP SECRET//NOFORN');

  it('request then approval by a different, cleared admin gives the new label', async () => {
    const r = await requestDowngrade(analyst, OBJECT, 'CONFIDENTIAL//NF', { justification: 'sanitised', now: () => new Date(0) });
    if (!r.allowed) throw new Error(r.reason);
    expect(r.request).toMatchObject({ fromLabel: 'SECRET//NOFORN', toLabel: 'CONFIDENTIAL//NOFORN', requestedBy: 'ann', requestedAt: '1970-01-01T00:00:00.000Z', justification: 'sanitised' });
    expect(r.event).toMatchObject({ action: 'label.change', actor: 'ann', outcome: 'success', object: OBJECT, details: { step: 'downgrade.request', requestId: r.request.id, to: 'CONFIDENTIAL//NOFORN' } });
    const a = await approveDowngrade(admin, r.request);
    expect(a).toMatchObject({ allowed: true, approval: { approvedBy: 'bob', label: 'CONFIDENTIAL//NOFORN' }, event: { outcome: 'success', actor: 'bob', details: { step: 'downgrade.approve', requestedBy: 'ann', approvedBy: 'bob' } } });
  });

  it('refuses self-approval, under-cleared approvers, non-approver roles (unless designated), and stale requests', async () => {
    const r = await requestDowngrade(user('amy', ['admin'], 'TOP SECRET'), { ...OBJECT, label: 'TOP SECRET' }, 'SECRET');
    if (!r.allowed) throw new Error(r.reason);
    const self = await approveDowngrade(user('amy', ['admin'], 'TOP SECRET'), r.request);
    expect(self).toMatchObject({ allowed: false, event: { outcome: 'denied' } });
    expect(self.reason).toContain('two-person rule');
    expect((await approveDowngrade(admin, r.request)).reason).toContain('not cleared for TOP SECRET');
    expect((await approveDowngrade(isso, r.request)).reason).toContain('none of the approver roles');
    expect((await approveDowngrade(isso, r.request, { designatedRoles: ['auditor'] })).allowed).toBe(true);
    expect((await approveDowngrade(user('x', ['admin'], 'TOP SECRET', true), r.request)).reason).toContain('disabled');
    expect((await approveDowngrade(isso, r.request, { designatedRoles: ['auditor'], currentLabel: 'TOP SECRET//SI' })).reason).toContain('stale');
  });

  it('refuses requests that are not strictly lower, from the uncleared, from viewers, or to invalid labels', async () => {
    expect((await requestDowngrade(analyst, OBJECT, 'SECRET//NOFORN')).reason).toContain('not lower');
    expect((await requestDowngrade(analyst, OBJECT, 'TOP SECRET')).reason).toContain('not lower');
    expect((await requestDowngrade(analyst, OBJECT, 'nonsense')).reason).toContain('not a valid marking');
    expect((await requestDowngrade(user('c', ['evaluator'], 'CONFIDENTIAL'), OBJECT, 'UNCLASSIFIED')).reason).toContain('does not dominate');
    const v = await requestDowngrade(user('v', ['viewer'], 'TOP SECRET'), OBJECT, 'UNCLASSIFIED');
    expect(v).toMatchObject({ allowed: false, event: { outcome: 'denied', details: { step: 'downgrade.request' } } });
  });

  describe('with an audit log (SQLite)', () => {
    let h: AuditHarness;
    beforeAll(async () => {
      h = await AUDIT_HARNESSES.sqlite();
    });
    afterAll(async () => h.cleanup());

    it('records both steps, refusals included, in the hash chain', async () => {
      const audit = h.log();
      const r = await requestDowngrade(analyst, OBJECT, 'UNCLASSIFIED', { audit, justification: 'public release' });
      if (!r.allowed) throw new Error(r.reason);
      await approveDowngrade(analyst, r.request, { audit });
      await approveDowngrade(admin, r.request, { audit });
      const entries = [];
      for await (const e of audit.scan()) if (e.ok) entries.push(e.entry);
      expect(entries.map((e) => [e.actor, e.action, e.outcome, e.details['step'], e.object.label])).toEqual([
        ['ann', 'label.change', 'success', 'downgrade.request', 'SECRET//NOFORN'],
        ['ann', 'label.change', 'denied', 'downgrade.approve', 'SECRET//NOFORN'],
        ['bob', 'label.change', 'success', 'downgrade.approve', 'SECRET//NOFORN'],
      ]);
      expect((await audit.verify()).ok).toBe(true);
    });
  });
});
