/** Why a zip member must be skipped: a directory, a link, an unsafe path, encryption or an unknown compression. */
import yauzl from 'yauzl';

/** A member's decoded name and, when it cannot be extracted safely, why (the member is skipped with a warning). */
export interface EntryCheck {
  name: string;
  /** null when the member can be read; 'directory' is skipped silently; any other value is a warning. */
  problem: string | null;
}

const UNIX = 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/** Rejects what yauzl rejects (absolute, drive-letter, `..`) plus empty names and control characters. */
function unsafePath(name: string): string | null {
  const yauzlReason = yauzl.validateFileName(name);
  if (yauzlReason) return yauzlReason;
  if (name === '') return 'empty file name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return `control characters in path: ${JSON.stringify(name)}`;
  return null;
}

/**
 * Decodes the member's name (CP437 or UTF-8 by the header flag, or the Info-ZIP Unicode path field) and checks it.
 * Opened with `decodeStrings: false`, so one bad name skips one member instead of failing the archive.
 * @example checkEntry(entry) // { name: '../evil.sh', problem: 'invalid relative path: ../evil.sh' }
 */
export function checkEntry(entry: yauzl.Entry): EntryCheck {
  const raw = entry.fileName as unknown as Buffer;
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  const pathProblem = unsafePath(name);
  if (pathProblem) return { name, problem: pathProblem };
  if (name.endsWith('/')) return { name, problem: 'directory' };
  const madeOnUnix = entry.versionMadeBy >> 8 === UNIX;
  if (madeOnUnix && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) return { name, problem: 'symbolic link' };
  if (entry.isEncrypted()) return { name, problem: 'encrypted (no password support)' };
  if (!entry.canDecodeFileData()) return { name, problem: `unsupported compression method ${entry.compressionMethod}` };
  return { name, problem: null };
}
