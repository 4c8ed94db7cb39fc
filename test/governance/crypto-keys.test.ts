// Master keys: key file creation (0600) and refusal of readable files, the env-var key, rotation and rewrap.
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssayError } from '../../src/errors/index.js';
import {
  decryptField, dropRetiredKeys, encryptField, fieldAad, generateMasterKey, keyIdOf, Keyring, loadKeyring,
  parseFieldToken, readKeyFile, rewrapToken, rotateMasterKey,
} from '../../src/governance/crypto/index.js';

const unix = process.platform !== 'win32';
const aad = fieldAad({ table: 'transcripts', column: 'text', rowId: 'run-1/3' });
let home: string;
let keyFile: string;

beforeEach(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-crypto-'));
  keyFile = path.join(home, 'keys', 'master.key');
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('key file', () => {
  it('is created under $ASSAY_HOME/keys with mode 0600 on first use, and reloads to the same key', () => {
    const env = { ASSAY_HOME: home };
    const first = loadKeyring({ env });
    expect(first.current.id).toMatch(/^[0-9a-f]{16}$/);
    if (unix) {
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(keyFile)).mode & 0o077).toBe(0);
    }
    const json = JSON.parse(readFileSync(keyFile, 'utf8')) as { format: string; current: string; keys: Record<string, string> };
    expect(json.format).toBe('assay-master-keys');
    expect(json.current).toBe(first.current.id);
    const raw = Buffer.from(json.keys[first.current.id] ?? '', 'base64');
    expect(raw.length).toBe(32);
    expect(keyIdOf(raw)).toBe(first.current.id);
    expect(loadKeyring({ env }).current.id).toBe(first.current.id);
  });

  it.runIf(unix)('refuses a group- or world-readable key file', () => {
    loadKeyring({ keyFile });
    chmodSync(keyFile, 0o644);
    try {
      loadKeyring({ keyFile });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AssayError);
      expect((err as AssayError).code).toBe('CONFIG_INVALID');
      expect((err as AssayError).message).toMatch(/readable by group or others \(mode 0644\)/);
      expect((err as AssayError).hint).toContain('chmod 600');
    }
    chmodSync(keyFile, 0o640);
    expect(() => readKeyFile(keyFile)).toThrow(/mode 0640/);
  });

  it('rejects a key file whose key id does not match its bytes, or that is not JSON', () => {
    const keyring = loadKeyring({ keyFile });
    const text = readFileSync(keyFile, 'utf8').replaceAll(keyring.current.id, 'ffffffffffffffff');
    writeFileSync(keyFile, text, { mode: 0o600 });
    expect(() => readKeyFile(keyFile)).toThrow(/whose bytes have id/);
    writeFileSync(keyFile, 'not json', { mode: 0o600 });
    expect(() => readKeyFile(keyFile)).toThrow(/is not JSON/);
  });

  it('with create: false, a missing file is a clear error', () => {
    expect(() => loadKeyring({ keyFile, create: false, env: {} })).toThrow(/does not exist/);
  });
});

describe('ASSAY_MASTER_KEY', () => {
  it('supplies the key (base64), takes precedence over the file, and creates no file', () => {
    const raw = Buffer.alloc(32, 7);
    const env = { ASSAY_HOME: home, ASSAY_MASTER_KEY: raw.toString('base64') };
    const keyring = loadKeyring({ env });
    expect(keyring.current.id).toBe(keyIdOf(raw));
    const token = encryptField('from env', { aad, keyring });
    expect(decryptField(token, { aad, keyring: loadKeyring({ env }) })).toBe('from env');
    expect(() => statSync(keyFile)).toThrow();
  });

  it('accepts retired keys after the current one, comma-separated', () => {
    const oldRaw = Buffer.alloc(32, 1);
    const newRaw = Buffer.alloc(32, 2);
    const old = loadKeyring({ env: { ASSAY_MASTER_KEY: oldRaw.toString('base64') } });
    const token = encryptField('old secret', { aad, keyring: old });
    const both = loadKeyring({ env: { ASSAY_MASTER_KEY: `${newRaw.toString('base64')},${oldRaw.toString('base64')}` } });
    expect(both.current.id).toBe(keyIdOf(newRaw));
    expect(decryptField(token, { aad, keyring: both })).toBe('old secret');
  });

  it('rejects a key of the wrong length or not base64, without echoing it', () => {
    const short = Buffer.alloc(16, 3).toString('base64');
    expect(() => loadKeyring({ env: { ASSAY_MASTER_KEY: short } })).toThrow(/16 bytes, not 32/);
    try {
      loadKeyring({ env: { ASSAY_MASTER_KEY: 'not*base64' } });
      expect.unreachable();
    } catch (err) {
      expect((err as AssayError).message).not.toContain('not*base64');
    }
  });
});

describe('rotation', () => {
  it('old tokens decrypt via the retired key; after rewrap they decrypt with only the new key', () => {
    const old = loadKeyring({ keyFile });
    const token = encryptField('transcript under the old key', { aad, keyring: old });

    const rotated = rotateMasterKey({ keyFile });
    expect(rotated.current.id).not.toBe(old.current.id);
    expect(rotated.retired.map((k) => k.id)).toEqual([old.current.id]);
    if (unix) expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(keyFile))).toEqual(['master.key']); // no temp file left behind

    const reloaded = loadKeyring({ keyFile });
    expect(reloaded.current.id).toBe(rotated.current.id);
    expect(decryptField(token, { aad, keyring: reloaded })).toBe('transcript under the old key');
    // New data goes under the new key.
    expect(parseFieldToken(encryptField('new', { aad, keyring: reloaded })).keyId).toBe(rotated.current.id);

    const rewrapped = rewrapToken(token, reloaded);
    const before = parseFieldToken(token);
    const after = parseFieldToken(rewrapped);
    expect(after.keyId).toBe(rotated.current.id);
    expect(after.iv.equals(before.iv) && after.tag.equals(before.tag) && after.ciphertext.equals(before.ciphertext)).toBe(true);
    expect(after.wrappedKey.equals(before.wrappedKey)).toBe(false);
    expect(rewrapToken(rewrapped, reloaded)).toBe(rewrapped); // already current: unchanged

    const onlyNew = new Keyring(rotated.current);
    expect(decryptField(rewrapped, { aad, keyring: onlyNew })).toBe('transcript under the old key');
    expect(() => decryptField(token, { aad, keyring: onlyNew })).toThrow(/does not hold/);
    expect(() => decryptField(rewrapped, { aad: 'other row', keyring: onlyNew })).toThrow(/AAD mismatch/);

    const pruned = dropRetiredKeys({ keyFile });
    expect(pruned.ids).toEqual([rotated.current.id]);
    expect(loadKeyring({ keyFile }).ids).toEqual([rotated.current.id]);
    expect(decryptField(rewrapped, { aad, keyring: loadKeyring({ keyFile }) })).toBe('transcript under the old key');
  });

  it('keeps every earlier key across two rotations', () => {
    const k0 = loadKeyring({ keyFile });
    const t0 = encryptField('zero', { aad, keyring: k0 });
    rotateMasterKey({ keyFile });
    const k2 = rotateMasterKey({ keyFile });
    expect(k2.ids).toHaveLength(3);
    expect(decryptField(rewrapToken(t0, k2), { aad, keyring: new Keyring(k2.current) })).toBe('zero');
  });

  it('refuses to rotate a missing key file', () => {
    expect(() => rotateMasterKey({ keyFile })).toThrow(/no key to rotate/);
  });

  it('a rewrap with a keyring that lacks the token key fails clearly', () => {
    const token = encryptField('x', { aad, keyring: new Keyring(generateMasterKey()) });
    expect(() => rewrapToken(token, new Keyring(generateMasterKey()))).toThrow(/does not hold/);
  });
});
