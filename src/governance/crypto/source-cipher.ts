/** FieldCiphers for stores: one that follows a keyring source, and one for stores opened without any key. */
import { AssayError } from '../../errors/index.js';
import type { FieldLocation } from './field-aad.js';
import { keyringCipher, type FieldCipher } from './field-cipher.js';
import { isFieldToken } from './field-token.js';
import type { KeyringSource } from './keyring-source.js';

/**
 * A FieldCipher over `source`: seals under the source's current key and opens with whichever key (current or
 * retired) wrapped the token, re-reading the key file first when it was rotated by another process.
 * @example const store = await openStore({ cipher: sourceCipher(openKeyringSource({ home })) });
 */
export function sourceCipher(source: KeyringSource): FieldCipher {
  return keyringCipher(() => source.keyring());
}

/**
 * The cipher of a store opened without a keyring (maintenance tools, schema clean-up): plaintext values pass
 * through, and any attempt to seal or open a token fails with CONFIG_INVALID instead of writing plaintext.
 */
export const NO_KEY_CIPHER: FieldCipher = {
  seal: (_plaintext, location) => {
    throw noKey('write', location);
  },
  open: (value, location) => {
    if (isFieldToken(value)) throw noKey('read', location);
    return value;
  },
};

function noKey(verb: string, location: FieldLocation): AssayError {
  return new AssayError('CONFIG_INVALID', `Cannot ${verb} the encrypted column ${location.table}.${location.column}: this store was opened without a master keyring.`, {
    hint: 'Open the store with openStore() (which loads ASSAY_MASTER_KEY or $ASSAY_HOME/keys/master.key) or pass a cipher.',
  });
}
