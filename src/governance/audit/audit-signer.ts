/** The Ed25519 key that signs audit checkpoints, kept in a PEM file readable by its owner only (AU-9(3)). */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { assayHome } from '../../config/paths.js';
import { AssayError } from '../../errors/index.js';

/** Signs and verifies checkpoint payloads with one key. */
export interface AuditSigner {
  /** SHA-256 (hex) of the public key (SPKI DER): names the key in each checkpoint. */
  readonly keyId: string;
  /** Ed25519 signature (base64) of `payload`. */
  sign(payload: string): string;
  /** True when `signature` is a valid signature of `payload` by this key. */
  verify(payload: string, signature: string): boolean;
}

/** `$ASSAY_AUDIT_KEY_FILE`, else `$ASSAY_HOME/keys/audit-signing.pem`. */
export function defaultAuditKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.ASSAY_AUDIT_KEY_FILE || path.join(assayHome(env), 'keys', 'audit-signing.pem');
}

/**
 * Loads the key from `file`; when it does not exist, creates it (mode 0600) if `create`, else
 * returns undefined. Throws CONFIG_INVALID for a file that is not an Ed25519 private key or that
 * others can read.
 */
export function loadAuditSigner(options: { file: string; create: boolean }): AuditSigner | undefined {
  const { file } = options;
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw keyError(file, `cannot be read (${(err as Error).message})`);
    if (!options.create) return undefined;
    pem = createKeyFile(file);
  }
  checkMode(file);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw keyError(file, 'is not a PEM private key');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw keyError(file, `holds a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  return signerFor(key);
}

/** A signer over an Ed25519 private key. */
export function signerFor(privateKey: KeyObject): AuditSigner {
  const publicKey = createPublicKey(privateKey);
  const keyId = createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
  return {
    keyId,
    sign: (payload) => sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64'),
    verify: (payload, signature) => {
      try {
        return verify(null, Buffer.from(payload, 'utf8'), publicKey, Buffer.from(signature, 'base64'));
      } catch {
        return false;
      }
    },
  };
}

/** Writes a fresh key with `wx` so two processes starting at once cannot overwrite each other's key. */
function createKeyFile(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  // Written whole to a private temp file, then hard-linked into place: link fails if the key exists, so two processes
  // creating it at once never see a half-written key, and the loser reads the winner's.
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, pem, { mode: 0o600, flag: 'wx' });
    chmodSync(tmp, 0o600);
    linkSync(tmp, file);
    return pem;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8');
    throw keyError(file, `cannot be created (${(err as Error).message})`);
  } finally {
    rmSync(tmp, { force: true });
  }
}

function checkMode(file: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw keyError(file, `is readable by others (mode ${mode.toString(8).padStart(4, '0')})`, `Run: chmod 600 ${file}`);
  }
}

function keyError(file: string, what: string, hint?: string): AssayError {
  return new AssayError('CONFIG_INVALID', `The audit signing key ${file} ${what}.`, {
    hint: hint ?? 'Point ASSAY_AUDIT_KEY_FILE at an Ed25519 PKCS#8 PEM key, or move the file away to create a new one (old checkpoints then no longer verify).',
  });
}
