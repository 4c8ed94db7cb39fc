/** A 256-bit master key (key-encryption key) and its public id, for envelope encryption at rest (SC-28). */
import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { AssayError } from '../../errors/index.js';

/** Bytes in a master key and in a data key (AES-256). */
export const KEY_BYTES = 32;

/** A master key: the secret (a KeyObject, so it never prints) and its id. */
export interface MasterKey {
  /** First 8 bytes of SHA-256 of the key, hex (16 characters): names the key in tokens and key files. */
  readonly id: string;
  readonly key: KeyObject;
}

/** The key id of raw key bytes: hex of the first 8 bytes of their SHA-256. */
export function keyIdOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** Wraps 32 raw bytes as a MasterKey; `source` names where they came from, for the error message. */
export function masterKeyFrom(bytes: Uint8Array, source: string): MasterKey {
  if (bytes.length !== KEY_BYTES) {
    throw new AssayError('CONFIG_INVALID', `The master key from ${source} is ${bytes.length} bytes, not ${KEY_BYTES}.`, {
      hint: 'A master key is 32 random bytes, base64-encoded (e.g. `openssl rand -base64 32`).',
    });
  }
  return { id: keyIdOf(bytes), key: createSecretKey(Buffer.from(bytes)) };
}

/** A fresh master key from the CSPRNG. */
export function generateMasterKey(): MasterKey {
  return masterKeyFrom(randomBytes(KEY_BYTES), 'the random generator');
}
