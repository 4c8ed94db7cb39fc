/** Decrypts a field token with whichever key of the keyring (current or retired) wrapped its data key. */
import { AssayError } from '../../errors/index.js';
import { gcmOpen } from './aes-gcm.js';
import { unwrapDataKey } from './data-key.js';
import { fieldAadBytes } from './field-aad.js';
import { parseFieldToken, TOKEN_VERSION } from './field-token.js';
import type { FieldCryptoOptions } from './encrypt-field.js';

/**
 * The plaintext of `token`. Throws CONFIG_INVALID when the keyring lacks the token's master key, and
 * STORE_FAILURE when the token is malformed or altered or `aad` is not the one it was encrypted with.
 * Messages never carry key material or plaintext.
 */
export function decryptField(token: string, options: FieldCryptoOptions): string {
  const parsed = parseFieldToken(token);
  const dataKey = unwrapDataKey(parsed.wrappedKey, options.keyring.get(parsed.keyId));
  try {
    const plaintext = gcmOpen(dataKey, parsed, fieldAadBytes(options.aad, TOKEN_VERSION));
    if (!plaintext) {
      throw new AssayError('STORE_FAILURE', 'An encrypted field failed authentication: its ciphertext was altered, or it was moved from another row or column (AAD mismatch).', {
        hint: 'Do not copy encrypted values between rows; restore the value from a backup.',
      });
    }
    return plaintext.toString('utf8');
  } finally {
    dataKey.fill(0);
  }
}
