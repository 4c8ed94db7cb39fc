/** The master key file: JSON `{format, version, current, keys: {id: base64}}`, mode 0600, replaced atomically. */
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { assayHome } from '../../config/paths.js';
import { AssayError } from '../../errors/index.js';
import { Keyring } from './keyring.js';
import { generateMasterKey, masterKeyFrom, type MasterKey } from './master-key.js';

const KeyFileSchema = z.object({
  format: z.literal('assay-master-keys'),
  version: z.literal(1),
  current: z.string().regex(/^[0-9a-f]{16}$/),
  keys: z.record(z.string().regex(/^[0-9a-f]{16}$/), z.string().min(1)),
});

/** The parsed key file. */
export type KeyFile = z.infer<typeof KeyFileSchema>;

/** `$ASSAY_MASTER_KEY_FILE`, else `$ASSAY_HOME/keys/master.key`. */
export function defaultMasterKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.ASSAY_MASTER_KEY_FILE || path.join(assayHome(env), 'keys', 'master.key');
}

/**
 * The key file for an Assay home folder: `$ASSAY_MASTER_KEY_FILE` when set, else `<home>/keys/master.key`
 * (`home` defaulting to `$ASSAY_HOME`, then `./.assay`), so a store opened with `--home` finds its own key.
 */
export function masterKeyFileFor(options: { home?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const env = options.env ?? process.env;
  if (env.ASSAY_MASTER_KEY_FILE) return env.ASSAY_MASTER_KEY_FILE;
  return options.home === undefined ? defaultMasterKeyFile(env) : path.join(path.resolve(options.home), 'keys', 'master.key');
}

/**
 * Reads the keyring in `file`, or undefined when the file does not exist. Throws CONFIG_INVALID for a
 * file that group or others can read, that is not a valid key file, or whose key ids do not match.
 */
export function readKeyFile(file: string): Keyring | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw keyFileError(file, `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  checkMode(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw keyFileError(file, 'is not JSON');
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) throw keyFileError(file, `is not an Assay master key file (${parsed.error.issues[0]?.path.join('.') || 'root'} is invalid)`);
  const keys = new Map<string, MasterKey>();
  for (const [id, b64] of Object.entries(parsed.data.keys)) {
    const key = masterKeyFrom(Buffer.from(b64, 'base64'), `${file} (key ${id})`);
    if (key.id !== id) throw keyFileError(file, `lists key ${id} whose bytes have id ${key.id}`);
    keys.set(id, key);
  }
  const current = keys.get(parsed.data.current);
  if (!current) throw keyFileError(file, `names current key ${parsed.data.current}, which it does not list`);
  return new Keyring(current, [...keys.values()]);
}

/** Reads `file`, creating it with one fresh key (mode 0600, in a 0700 folder) when it does not exist. */
export function loadOrCreateKeyFile(file: string): Keyring {
  const existing = readKeyFile(file);
  if (existing) return existing;
  const keyring = new Keyring(generateMasterKey());
  try {
    writeExclusive(file, serializeKeyring(keyring), 'wx');
    return keyring;
  } catch (err) {
    // Another process created it first: use theirs, so both encrypt under the same key.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file) ?? keyring;
    throw keyFileError(file, `cannot be created (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Replaces `file` with `keyring` atomically: a 0600 temp file in the same folder, fsync, rename. */
export function writeKeyFile(file: string, keyring: Keyring): void {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeExclusive(tmp, serializeKeyring(keyring), 'wx');
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw keyFileError(file, `cannot be written (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** The key file text for `keyring`. */
export function serializeKeyring(keyring: Keyring): string {
  const keys: Record<string, string> = {};
  for (const id of keyring.ids) keys[id] = keyring.get(id).key.export().toString('base64');
  const body: KeyFile = { format: 'assay-master-keys', version: 1, current: keyring.current.id, keys };
  return `${JSON.stringify(body, null, 2)}\n`;
}

function writeExclusive(file: string, text: string, flag: 'wx'): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, flag, 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(file, 0o600); // the umask may have narrowed it further; never wider
}

function checkMode(file: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw keyFileError(file, `is readable by group or others (mode ${mode.toString(8).padStart(4, '0')})`, `Run: chmod 600 ${file}`);
  }
}

function keyFileError(file: string, what: string, hint?: string): AssayError {
  return new AssayError('CONFIG_INVALID', `The master key file ${file} ${what}.`, {
    hint: hint ?? 'Restore the key file from its backup, or point ASSAY_MASTER_KEY_FILE at a valid one. Without its keys, encrypted data cannot be read.',
  });
}
