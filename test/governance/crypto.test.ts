// Field encryption: round trip, tamper detection, AAD binding, unknown keys, and messages free of secrets.
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../src/errors/index.js';
import { decryptField, encryptField, fieldAad, generateMasterKey, Keyring, parseFieldToken } from '../../src/governance/crypto/index.js';

const keyring = new Keyring(generateMasterKey());
const aad = fieldAad({ table: 'samples', column: 'output', rowId: 7 });

function errorOf(fn: () => unknown): AssayError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AssayError);
    return err as AssayError;
  }
  throw new Error('expected an AssayError');
}

// Performance sanity (not asserted): on a laptop one encryptField + decryptField pair of a 1 kB string
// takes on the order of 10-20 µs (two AES-GCM operations each way, plus a 32-byte randomBytes).
describe('encryptField / decryptField', () => {
  it('round-trips text, including empty and non-ASCII strings', () => {
    for (const text of ['The answer is 42.', '', 'ünïcødé ✓ 日本語 🚀', 'x'.repeat(10_000)]) {
      const token = encryptField(text, { aad, keyring });
      expect(token).toMatch(new RegExp(`^enc1\\.${keyring.current.id}\\.[A-Za-z0-9_-]+$`));
      expect(decryptField(token, { aad, keyring })).toBe(text);
    }
  });

  it('gives a different token each time (fresh data key and nonce)', () => {
    expect(encryptField('same', { aad, keyring })).not.toBe(encryptField('same', { aad, keyring }));
  });

  it('rejects a token with any single character changed', () => {
    const token = encryptField('tamper me', { aad, keyring });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    for (let i = 0; i < token.length; i++) {
      const swapped = alphabet[(alphabet.indexOf(token[i] ?? 'A') + 1) % alphabet.length] ?? 'A';
      const tampered = token.slice(0, i) + swapped + token.slice(i + 1);
      expect(tampered).not.toBe(token);
      expect(() => decryptField(tampered, { aad, keyring }), `position ${i}`).toThrow(AssayError);
    }
  });

  it('rejects every flipped bit of the decoded body', () => {
    const token = encryptField('flip', { aad, keyring });
    const [version, keyId, body] = token.split('.');
    const bytes = Buffer.from(body ?? '', 'base64url');
    for (let i = 0; i < bytes.length; i++) {
      const copy = Buffer.from(bytes);
      copy[i] = (copy[i] ?? 0) ^ 0x01;
      const tampered = `${version}.${keyId}.${copy.toString('base64url')}`;
      expect(() => decryptField(tampered, { aad, keyring }), `byte ${i}`).toThrow(AssayError);
    }
  });

  it('rejects truncated, extended and non-token values', () => {
    const token = encryptField('short', { aad, keyring });
    for (const bad of [token.slice(0, -4), `${token}AAAA`, 'plain text', 'enc1.zz.abc', `enc2${token.slice(4)}`, '']) {
      expect(errorOf(() => decryptField(bad, { aad, keyring })).code).toMatch(/STORE_FAILURE|CONFIG_INVALID/);
    }
  });

  it('binds the token to its row and column: a swapped ciphertext fails', () => {
    const row1 = fieldAad({ table: 'samples', column: 'output', rowId: 1 });
    const row2 = fieldAad({ table: 'samples', column: 'output', rowId: 2 });
    const token1 = encryptField('row one secret', { aad: row1, keyring });
    const err = errorOf(() => decryptField(token1, { aad: row2, keyring }));
    expect(err.code).toBe('STORE_FAILURE');
    expect(err.message).toMatch(/AAD mismatch/);
    expect(() => decryptField(token1, { aad: fieldAad({ table: 'samples', column: 'input', rowId: 1 }), keyring })).toThrow(AssayError);
    expect(decryptField(token1, { aad: row1, keyring })).toBe('row one secret');
  });

  it('fails with a clear error for a key id the keyring does not hold, and for a wrong key', () => {
    const token = encryptField('other key', { aad, keyring });
    const stranger = new Keyring(generateMasterKey());
    const unknown = errorOf(() => decryptField(token, { aad, keyring: stranger }));
    expect(unknown.code).toBe('CONFIG_INVALID');
    expect(unknown.message).toContain(keyring.current.id);

    // Same key id, different key bytes (as if the key file were swapped): the unwrap fails.
    const parsed = parseFieldToken(token);
    const forged = token.replace(parsed.keyId, stranger.current.id);
    const wrong = errorOf(() => decryptField(forged, { aad, keyring: stranger }));
    expect(wrong.code).toBe('STORE_FAILURE');
    expect(wrong.message).toMatch(/does not unwrap/);
  });

  it('never puts the plaintext or key material in an error', () => {
    const secret = 'TOP-SECRET-PAYLOAD';
    const token = encryptField(secret, { aad, keyring });
    const keyB64 = keyring.current.key.export().toString('base64');
    const errors = [
      errorOf(() => decryptField(token, { aad: 'elsewhere', keyring })),
      errorOf(() => decryptField(token, { aad, keyring: new Keyring(generateMasterKey()) })),
      errorOf(() => decryptField(`${token.slice(0, -1)}!`, { aad, keyring })),
    ];
    for (const err of errors) {
      const text = JSON.stringify({ ...err.toJSON(), stack: err.stack });
      expect(text).not.toContain(secret);
      expect(text).not.toContain(keyB64);
      expect(text).not.toContain(keyring.current.key.export().toString('hex'));
    }
    expect(JSON.stringify(keyring.current)).not.toContain(keyB64);
  });
});
