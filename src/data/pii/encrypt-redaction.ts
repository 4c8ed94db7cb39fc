/** Reversible redaction: AES-256-GCM with a random 96-bit IV, packed as a compact base64url token. */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AssayError } from '../../errors/index.js';

/** Every token starts with this; the version is also bound into the ciphertext as associated data. */
export const TOKEN_PREFIX = 'pii1.';
const AAD = Buffer.from('assay-pii-redaction-v1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

function checkKey(key: Uint8Array): void {
  if (key.length !== 32) {
    throw new AssayError('USAGE', `PII encryption key is ${key.length} bytes; AES-256-GCM needs 32.`, {
      hint: 'Pass 32 random bytes (e.g. crypto.randomBytes(32)), kept by whoever is authorised to reverse redaction.',
    });
  }
}

/**
 * Encrypts `plaintext` into `pii1.<base64url(iv | tag | ciphertext)>`; each call uses a fresh IV, so equal inputs give different tokens.
 * @example const token = encryptRedaction('123-45-6789', key); decryptRedaction(token, key) // '123-45-6789'
 */
export function encryptRedaction(plaintext: string, key: Uint8Array): string {
  checkKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(AAD);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return TOKEN_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** Reverses `encryptRedaction`; throws AssayError USAGE when the token is malformed, tampered with, or the key is wrong. */
export function decryptRedaction(token: string, key: Uint8Array): string {
  checkKey(key);
  const fail = (why: string, cause?: unknown): AssayError =>
    new AssayError('USAGE', `Cannot decrypt PII token: ${why}.`, {
      hint: 'Check that the token was copied whole and that the key is the one used to redact this dataset.',
      cause,
    });
  if (!token.startsWith(TOKEN_PREFIX) || !/^[A-Za-z0-9_-]+$/.test(token.slice(TOKEN_PREFIX.length))) {
    throw fail('not a pii1 token');
  }
  const raw = Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url');
  if (raw.length < IV_BYTES + TAG_BYTES) throw fail('token is truncated');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch (err) {
    throw fail('authentication failed (tampered token or wrong key)', err);
  }
}
