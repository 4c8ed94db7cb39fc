/** AES-256-GCM seal/open with a fresh random 96-bit nonce; open returns undefined on any authentication failure. */
import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';
import { IV_BYTES, TAG_BYTES } from './field-token.js';

/** Nonce, tag and ciphertext of one GCM encryption. */
export interface Sealed {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/** Encrypts `plaintext` under `key`, authenticating `aad` too. */
export function gcmSeal(key: KeyObject | Buffer, plaintext: Uint8Array, aad: Uint8Array): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Decrypts; undefined when the key, nonce, tag, ciphertext or `aad` do not match. */
export function gcmOpen(key: KeyObject | Buffer, sealed: Sealed, aad: Uint8Array): Buffer | undefined {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return undefined;
  }
}
