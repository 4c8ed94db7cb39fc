/**
 * Data keys wrapped under a master key with AES-256-GCM (not RFC 3394 AES key wrap): one primitive and
 * one code path for wrap and data, a 128-bit tag, and the key id bound in as AAD so a wrapped key cannot
 * be relabelled. The cost is 28 bytes more than AES-KW and a random-nonce budget of 2^32 wraps per
 * master key (NIST SP 800-38D), far above what one key sees between yearly rotations.
 */
import { randomBytes } from 'node:crypto';
import { AssayError } from '../../errors/index.js';
import { gcmOpen, gcmSeal } from './aes-gcm.js';
import { IV_BYTES, TAG_BYTES, TOKEN_VERSION } from './field-token.js';
import { KEY_BYTES, type MasterKey } from './master-key.js';

/** A fresh 256-bit data key. */
export function generateDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** `dataKey` encrypted under `master`: iv | tag | 32 bytes. */
export function wrapDataKey(dataKey: Buffer, master: MasterKey): Buffer {
  const { iv, tag, ciphertext } = gcmSeal(master.key, dataKey, wrapAad(master.id));
  return Buffer.concat([iv, tag, ciphertext]);
}

/** The data key inside `wrapped`; throws STORE_FAILURE when `master` is not the key that wrapped it or it was altered. */
export function unwrapDataKey(wrapped: Buffer, master: MasterKey): Buffer {
  const sealed = { iv: wrapped.subarray(0, IV_BYTES), tag: wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), ciphertext: wrapped.subarray(IV_BYTES + TAG_BYTES) };
  const dataKey = gcmOpen(master.key, sealed, wrapAad(master.id));
  if (!dataKey || dataKey.length !== KEY_BYTES) {
    throw new AssayError('STORE_FAILURE', `The data key of an encrypted field does not unwrap under master key ${master.id}: the token was altered or the key is wrong.`, {
      hint: 'Check that the key file (or ASSAY_MASTER_KEY) is the one this data was written with; otherwise restore the value from a backup.',
    });
  }
  return dataKey;
}

function wrapAad(keyId: string): Buffer {
  return Buffer.from(`assay-data-key|${TOKEN_VERSION}|${keyId}`, 'utf8');
}
