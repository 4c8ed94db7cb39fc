/** Master key rotation: add a new current key to the key file, keep the old as retired until a rewrap pass ends. */
import { AssayError } from '../../errors/index.js';
import { readKeyFile, writeKeyFile } from './key-file.js';
import { Keyring } from './keyring.js';
import { generateMasterKey } from './master-key.js';

/**
 * Writes a new current key into `keyFile` (atomically, 0600), keeping every existing key as retired.
 * Returns the new keyring: pass it to `rewrapToken` for each stored token, then `dropRetiredKeys`.
 * @example const keyring = rotateMasterKey({ keyFile }); // then rewrap every token, then dropRetiredKeys
 */
export function rotateMasterKey(options: { keyFile: string }): Keyring {
  const old = requireKeyFile(options.keyFile);
  const keyring = new Keyring(generateMasterKey(), [old.current, ...old.retired]);
  writeKeyFile(options.keyFile, keyring);
  return keyring;
}

/**
 * Removes retired keys from `keyFile` (all of them, or those in `ids`). Call only after a rewrap pass
 * has moved every token to the current key: tokens under a dropped key can never be decrypted again.
 */
export function dropRetiredKeys(options: { keyFile: string; ids?: readonly string[] }): Keyring {
  const old = requireKeyFile(options.keyFile);
  const drop = new Set(options.ids ?? old.retired.map((k) => k.id));
  const keyring = new Keyring(old.current, old.retired.filter((k) => !drop.has(k.id)));
  writeKeyFile(options.keyFile, keyring);
  return keyring;
}

function requireKeyFile(keyFile: string): Keyring {
  const keyring = readKeyFile(keyFile);
  if (!keyring) {
    throw new AssayError('CONFIG_INVALID', `The master key file ${keyFile} does not exist, so there is no key to rotate.`, {
      hint: 'Check the path; a key held in ASSAY_MASTER_KEY is rotated by prepending the new key to that variable.',
    });
  }
  return keyring;
}
