// Identity without a database: scrypt password hashes, API token generation, clearances, users, the local operator.
import crypto from 'node:crypto';
import { hostname } from 'node:os';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AssayError } from '../../src/errors/index.js';
import { generateToken, hashPassword, hashToken, localOperator, needsRehash, normalizeClearance, SCRYPT_DEFAULTS, TOKEN_PREFIX, toUser, verifyPassword } from '../../src/governance/identity/index.js';

function thrown(fn: () => unknown): AssayError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AssayError);
    return err as AssayError;
  }
  throw new Error('expected a throw');
}

describe('password hashing (scrypt)', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hashes with N ≥ 2^15, a per-user salt and the parameters stored; verifies right and refuses wrong', async () => {
    const [a, b] = await Promise.all([hashPassword('correct horse battery'), hashPassword('correct horse battery')]);
    expect(a).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b); // fresh salt each time
    expect(a.split('$')[3]).not.toBe(b.split('$')[3]);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('compares with crypto.timingSafeEqual', async () => {
    const stored = await hashPassword('timing matters here');
    const spy = vi.spyOn(crypto, 'timingSafeEqual');
    expect(await verifyPassword('timing matters here', stored)).toBe(true);
    expect(await verifyPassword('timing matters HERE', stored)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.calls.every(([x, y]) => (x as Buffer).length === 32 && (y as Buffer).length === 32)).toBe(true);
  });

  it('refuses weak parameters for new hashes; malformed or tampered stored hashes never match', async () => {
    await expect(hashPassword('x', { logN: 14, r: 8, p: 1 })).rejects.toBeInstanceOf(AssayError);
    const stored = await hashPassword('some passphrase');
    expect(await verifyPassword('some passphrase', 'plain-text')).toBe(false);
    expect(await verifyPassword('some passphrase', stored.replace('ln=15', 'ln=30'))).toBe(false); // out of range: no memory blow-up
    const [, , params, salt, key] = stored.split('$');
    const flipped = key!.startsWith('A') ? `B${key!.slice(1)}` : `A${key!.slice(1)}`;
    expect(await verifyPassword('some passphrase', `$scrypt$${params}$${salt}$${flipped}`)).toBe(false);
    expect(await verifyPassword('some passphrase', `$scrypt$${params}$${salt}$${key!.slice(0, 10)}`)).toBe(false); // short key
  });

  it('needsRehash flags hashes made with weaker parameters than the current ones', async () => {
    const stored = await hashPassword('raise me later');
    expect(needsRehash(stored)).toBe(false);
    expect(needsRehash(stored, { ...SCRYPT_DEFAULTS, logN: 16 })).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });
});

describe('API tokens', () => {
  it('are 32 random bytes behind a prefix; only the SHA-256 is kept', () => {
    const t = generateToken();
    expect(t.token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(Buffer.from(t.token.slice(TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(t.hash).toBe(crypto.createHash('sha256').update(t.token).digest('hex'));
    expect(hashToken(t.token)).toBe(t.hash);
    expect(t.id).not.toContain(t.token.slice(TOKEN_PREFIX.length, 12));
    const many = new Set(Array.from({ length: 50 }, () => generateToken().token));
    expect(many.size).toBe(50);
  });
});

describe('users and clearances', () => {
  it('normalises a clearance to banner form and refuses an invalid one', () => {
    expect(normalizeClearance('TS//SI/TK//NOFORN')).toBe('TOP SECRET//SI/TK//NOFORN');
    expect(normalizeClearance('(S//NF)')).toBe('SECRET//NOFORN');
    expect(thrown(() => normalizeClearance('secret')).code).toBe('CONFIG_INVALID');
    expect(thrown(() => normalizeClearance('garbage')).code).toBe('CONFIG_INVALID');
  });

  it('toUser checks roles, ids and clearance, and canonicalises', () => {
    const u = toUser({ id: 'ann', name: ' Ann ', roles: ['viewer', 'admin', 'viewer'], clearance: 'S//REL TO USA, GBR' });
    expect(u).toEqual({ id: 'ann', name: 'Ann', roles: ['admin', 'viewer'], clearance: 'SECRET//REL TO USA, GBR', disabled: false });
    const bad = thrown(() => toUser({ id: 'bob', name: 'Bob', roles: ['root' as 'admin'], clearance: 'SECRET' }));
    expect(bad.code).toBe('CONFIG_INVALID');
    expect(bad.where?.field).toBe('roles.0');
    expect(thrown(() => toUser({ id: 'has space', name: 'X', roles: ['viewer'], clearance: 'SECRET' })).where?.field).toBe('id');
    expect(thrown(() => toUser({ id: 'x', name: 'X', roles: [], clearance: 'SECRET' })).code).toBe('CONFIG_INVALID');
  });

  it('the local operator is local:<os user>@<hostname>, admin by default', () => {
    const me = localOperator({ clearance: 'SECRET//NOFORN' });
    expect(me.id).toMatch(new RegExp(`^local:[^@]+@${hostname().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(me).toMatchObject({ roles: ['admin'], clearance: 'SECRET//NOFORN', disabled: false });
    expect(localOperator({ clearance: 'TS', roles: ['viewer'] }).roles).toEqual(['viewer']);
  });
});
