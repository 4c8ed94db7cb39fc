/**
 * Files sealed at rest (reports under $ASSAY_HOME): the file holds one field token (`enc1.…`, AES-256-GCM under a
 * fresh data key wrapped by the master key) whose AAD is the file's path relative to the Assay home, so a sealed
 * file renamed or moved to another place fails to open. Rotation re-wraps the data key like any column token.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AssayError } from '../../errors/index.js';
import { writeFileAtomicSync } from '../../files/write-file-atomic.js';
import type { FieldCipher } from './field-cipher.js';
import type { FieldLocation } from './field-aad.js';
import { isFieldToken, parseFieldToken } from './field-token.js';
import type { Keyring } from './keyring.js';
import { rewrapToken } from './rewrap-token.js';

/** File name suffix of a sealed file. */
export const SEALED_FILE_SUFFIX = '.enc';

/** The AAD location of a sealed file: its plaintext name relative to `home`, with forward slashes. */
export function sealedFileLocation(home: string, plainFile: string): FieldLocation {
  const rel = path.relative(path.resolve(home), path.resolve(plainFile)).split(path.sep).join('/');
  return { table: '$file', column: 'content', rowId: rel };
}

/**
 * Writes `text` sealed to `<plainFile>.enc` (atomically, mode 0600); returns the sealed file's path.
 * @example sealFile({ cipher: store.cipher, home, plainFile: path.join(home, 'reports', 'r1.html'), text: html })
 */
export function sealFile(args: { cipher: FieldCipher; home: string; plainFile: string; text: string }): string {
  const file = `${args.plainFile}${SEALED_FILE_SUFFIX}`;
  writeFileAtomicSync(file, args.cipher.seal(args.text, sealedFileLocation(args.home, args.plainFile)), { mode: 0o600 });
  return file;
}

/** The plaintext of a sealed file `<plainFile>.enc`; throws like decryptField when the key or the place is wrong. */
export function openSealedFile(args: { cipher: FieldCipher; home: string; plainFile: string }): string {
  const file = `${args.plainFile}${SEALED_FILE_SUFFIX}`;
  const token = readFileSync(file, 'utf8');
  if (!isFieldToken(token)) {
    throw new AssayError('STORE_FAILURE', `${file} is not a sealed Assay file.`, { hint: 'Sealed files start with "enc1."; restore it from a backup.' });
  }
  return args.cipher.open(token, sealedFileLocation(args.home, args.plainFile));
}

/** Per-key counts of the sealed files under `dir` (recursively); `other` counts unreadable ones. */
export function sealedFileKeyCounts(dir: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of sealedFiles(dir)) {
    const id = keyIdOfFile(file) ?? 'unreadable';
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

/** What a re-wrap of sealed files did. */
export interface SealedFilesRewrap {
  scanned: number;
  rewrapped: number;
  failed: number;
  errors: { file: string; reason: string }[];
}

/** Re-wraps every sealed file under `dir` whose data key is not under `keyring.current`; never decrypts content. */
export function rewrapSealedFiles(dir: string, keyring: Keyring): SealedFilesRewrap {
  const out: SealedFilesRewrap = { scanned: 0, rewrapped: 0, failed: 0, errors: [] };
  for (const file of sealedFiles(dir)) {
    out.scanned += 1;
    try {
      const token = readFileSync(file, 'utf8');
      const next = rewrapToken(token, keyring);
      if (next !== token) {
        writeFileAtomicSync(file, next, { mode: 0o600 });
        out.rewrapped += 1;
      }
    } catch (err) {
      out.failed += 1;
      if (out.errors.length < 20) out.errors.push({ file, reason: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

function keyIdOfFile(file: string): string | undefined {
  try {
    return parseFieldToken(readFileSync(file, 'utf8')).keyId;
  } catch {
    return undefined;
  }
}

function sealedFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true, recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return entries.filter((e) => e.isFile() && e.name.endsWith(SEALED_FILE_SUFFIX)).map((e) => path.join(e.parentPath, e.name)).sort();
}
