/**
 * Atomic file writes: the bytes go to a uniquely named temporary file in the target's folder (so the rename stays on
 * one file system) and are renamed onto the target only when complete, so a crash or a concurrent reader never sees
 * half a file. The temporary file is removed when anything fails.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** File mode, applied after writing so the umask cannot widen or narrow it; default 0o644. */
  mode?: number;
  /** Mode of folders created on the way; default the umask's. */
  dirMode?: number;
}

const tempFor = (file: string) => `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;

/**
 * Writes `data` to `file` atomically (synchronously).
 * @example writeFileAtomicSync('/home/a/.assay/keys/audit-head.json', json, { mode: 0o600, dirMode: 0o700 });
 */
export function writeFileAtomicSync(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const mode = options.mode ?? 0o644;
  mkdirSync(path.dirname(file), { recursive: true, ...(options.dirMode === undefined ? {} : { mode: options.dirMode }) });
  const tmp = tempFor(file);
  try {
    writeFileSync(tmp, data, { mode, flag: 'wx' });
    chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/**
 * Writes `data` to `file` atomically.
 * @example await writeFileAtomic('report.html', html);
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const mode = options.mode ?? 0o644;
  await mkdir(path.dirname(file), { recursive: true, ...(options.dirMode === undefined ? {} : { mode: options.dirMode }) });
  const tmp = tempFor(file);
  try {
    await writeFile(tmp, data, { mode, flag: 'wx' });
    await chmod(tmp, mode);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
