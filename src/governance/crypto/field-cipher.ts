/** The FieldCipher seam: how stores encrypt a column value at rest and read it back (SC-28). */
import { decryptField } from './decrypt-field.js';
import { encryptField } from './encrypt-field.js';
import { fieldAad, type FieldLocation } from './field-aad.js';
import { isFieldToken } from './field-token.js';
import type { Keyring } from './keyring.js';

/** Seals and opens one field; the location (table, column, row id) is bound into the token as AAD. */
export interface FieldCipher {
  seal(plaintext: string, location: FieldLocation): string;
  /** Opens a token; a value that is not a token (a row written before encryption) is returned as it is. */
  open(value: string, location: FieldLocation): string;
}

/**
 * A FieldCipher over `keyring`, or over the keyring a function returns at each seal and open (one that follows a
 * key file across rotations, or is loaded on first use).
 * @example const cipher = keyringCipher(loadKeyring()); const t = cipher.seal(text, { table: 'ds_chunks', column: 'text', rowId: id });
 */
export function keyringCipher(keyring: Keyring | (() => Keyring)): FieldCipher {
  const current = typeof keyring === 'function' ? keyring : () => keyring;
  return {
    seal: (plaintext, location) => encryptField(plaintext, { aad: fieldAad(location), keyring: current() }),
    open: (value, location) => (isFieldToken(value) ? decryptField(value, { aad: fieldAad(location), keyring: current() }) : value),
  };
}
