/** Finds the master keyring: `$ASSAY_MASTER_KEY` (base64) when set, else the key file (created on first use). */
import { AssayError } from '../../errors/index.js';
import { loadOrCreateKeyFile, masterKeyFileFor, readKeyFile } from './key-file.js';
import { Keyring } from './keyring.js';
import { masterKeyFrom } from './master-key.js';

/** Where to look for the keyring. */
export interface LoadKeyringOptions {
  env?: NodeJS.ProcessEnv;
  /** Key file; default `$ASSAY_MASTER_KEY_FILE`, else `<home>/keys/master.key`. */
  keyFile?: string;
  /** Assay home whose `keys/master.key` is used when `keyFile` is not given; default `$ASSAY_HOME`, else `./.assay`. */
  home?: string;
  /** Create the key file when missing (default true); when false a missing file is an error. */
  create?: boolean;
}

/**
 * The keyring from `ASSAY_MASTER_KEY` (comma-separated base64 keys: the first is current, the rest
 * retired), else from the key file.
 * @example const keyring = loadKeyring(); const token = encryptField(text, { aad, keyring });
 */
export function loadKeyring(options: LoadKeyringOptions = {}): Keyring {
  const env = options.env ?? process.env;
  const fromEnv = env.ASSAY_MASTER_KEY?.trim();
  if (fromEnv) return keyringFromEnvValue(fromEnv);
  const file = options.keyFile ?? masterKeyFileFor({ home: options.home, env });
  if (options.create ?? true) return loadOrCreateKeyFile(file);
  const keyring = readKeyFile(file);
  if (!keyring) {
    throw new AssayError('CONFIG_INVALID', `No master key: ASSAY_MASTER_KEY is unset and ${file} does not exist.`, {
      hint: 'Set ASSAY_MASTER_KEY to a base64 32-byte key, or restore the key file.',
    });
  }
  return keyring;
}

/** Parses the `ASSAY_MASTER_KEY` value: base64 keys separated by commas, current first. */
export function keyringFromEnvValue(value: string): Keyring {
  const keys = value.split(',').map((part, i) => {
    const b64 = part.trim();
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
      throw new AssayError('CONFIG_INVALID', `ASSAY_MASTER_KEY entry ${i + 1} is not base64.`, {
        hint: 'Set it to 32 random bytes in base64 (e.g. `openssl rand -base64 32`).',
      });
    }
    return masterKeyFrom(Buffer.from(b64, 'base64'), `ASSAY_MASTER_KEY entry ${i + 1}`);
  });
  const [current, ...retired] = keys;
  if (!current) throw new AssayError('CONFIG_INVALID', 'ASSAY_MASTER_KEY is empty.');
  return new Keyring(current, retired);
}
