/** Where a process gets its keyring, re-read when another process rotates the key file (rotation without downtime). */
import { statSync } from 'node:fs';
import { masterKeyFileFor, readKeyFile } from './key-file.js';
import type { Keyring } from './keyring.js';
import { loadKeyring, type LoadKeyringOptions } from './load-keyring.js';

/** A keyring that follows its source: fixed for `ASSAY_MASTER_KEY`, re-read when the key file changes. */
export interface KeyringSource {
  /** `env` (ASSAY_MASTER_KEY) or `file` (the key file at `file`). */
  readonly kind: 'env' | 'file';
  /** The key file, when `kind` is `file`. */
  readonly file?: string;
  /** The keyring now; a file source first checks (one stat) whether the file was replaced, and re-reads it if so. */
  keyring(): Keyring;
}

/**
 * The keyring source of a home folder: `ASSAY_MASTER_KEY` when set, else the key file (created on first use).
 * A long-running process (an eval) that holds a file source picks up `assay keys rotate` at its next seal or at the
 * first token it cannot open, so old and new tokens both keep working while the rewrap pass runs.
 * @example const cipher = sourceCipher(openKeyringSource({ home }));
 */
export function openKeyringSource(options: LoadKeyringOptions = {}): KeyringSource {
  const env = options.env ?? process.env;
  if (env.ASSAY_MASTER_KEY?.trim()) {
    const fixed = loadKeyring(options);
    return { kind: 'env', keyring: () => fixed };
  }
  const file = options.keyFile ?? masterKeyFileFor({ home: options.home, env });
  let current = loadKeyring({ ...options, keyFile: file });
  let stamp = stampOf(file);
  return {
    kind: 'file',
    file,
    keyring() {
      const now = stampOf(file);
      if (now !== stamp && now !== undefined) {
        current = readKeyFile(file) ?? current;
        stamp = now;
      }
      return current;
    },
  };
}

/** Identity of the file's current version: an atomic replace changes the inode, an edit the time or size. */
function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.mtimeNs}:${s.size}`;
  } catch {
    return undefined; // gone for a moment (or for good): keep the keyring already held
  }
}
