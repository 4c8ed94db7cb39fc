/** Checks that a path is a readable GGUF file and fingerprints it for the response cache. */
import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { AssayError } from '../../errors/index.js';

/** Files up to this size are fingerprinted by content; larger ones by size and modification time. */
const HASH_LIMIT_BYTES = 64 * 1024 * 1024;

export const GGUF_HINT = 'Build the demo model with `assay quickstart`, or pass gguf/<path-to-file.gguf>.';

/** What identifies a model file's content, for `cacheIdentity`. */
export interface GgufFingerprint {
  size: number;
  sha256?: string;
  mtimeMs?: number;
}

function invalid(path: string, what: string, cause?: unknown): AssayError {
  return new AssayError('CONFIG_INVALID', `GGUF model "${path}" ${what}.`, { hint: GGUF_HINT, cause, where: { file: path } });
}

/**
 * Throws `CONFIG_INVALID` naming the path when the file is missing, unreadable or lacks the `GGUF` magic;
 * otherwise returns its fingerprint (sha256 for small files, size + mtime for large ones).
 */
export async function inspectGgufFile(path: string): Promise<GgufFingerprint> {
  let size: number;
  let mtimeMs: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw invalid(path, 'is not a file');
    size = st.size;
    mtimeMs = st.mtimeMs;
  } catch (err) {
    if (err instanceof AssayError) throw err;
    throw invalid(path, 'does not exist or cannot be read', err);
  }
  const magic = Buffer.alloc(4);
  try {
    const fh = await open(path, 'r');
    try {
      await fh.read(magic, 0, 4, 0);
    } finally {
      await fh.close();
    }
  } catch (err) {
    throw invalid(path, 'cannot be read', err);
  }
  if (magic.toString('latin1') !== 'GGUF') throw invalid(path, 'is not a GGUF file (its first bytes are not "GGUF")');
  if (size > HASH_LIMIT_BYTES) return { size, mtimeMs };
  const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
  return { size, sha256 };
}
