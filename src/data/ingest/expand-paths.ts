/** Turns the paths a user gave (files, folders, globs) into a sorted, de-duplicated list of files to ingest. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AssayError } from '../../errors/index.js';
import { globToRegExp, isGlob, splitGlob } from './glob-pattern.js';

/** One file to ingest: where it is, and the path lineage shows (relative to the working folder when inside it). */
export interface InputFile {
  absolute: string;
  display: string;
}

/** Every regular file under `dir`, recursively; symbolic links to folders are not followed (no cycles). */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(full);
    else if (e.isFile()) yield full;
    else if (e.isSymbolicLink()) {
      const s = await stat(full).catch(() => undefined);
      if (s?.isFile()) yield full;
    }
  }
}

function missing(arg: string, what: string): AssayError {
  return new AssayError('USAGE', `${what}: ${arg}`, { where: { file: arg }, hint: 'Check the path (folders are read recursively; quote globs so the shell leaves them alone).' });
}

async function filesOf(arg: string, cwd: string): Promise<string[]> {
  const slashed = arg.split(path.sep).join('/');
  if (isGlob(slashed)) {
    const { base, rest } = splitGlob(slashed);
    const root = path.resolve(cwd, base);
    const re = globToRegExp(rest);
    const found: string[] = [];
    const s = await stat(root).catch(() => undefined);
    if (s?.isDirectory()) for await (const f of walk(root)) if (re.test(path.relative(root, f).split(path.sep).join('/'))) found.push(f);
    if (found.length === 0) throw missing(arg, 'No file matches the pattern');
    return found;
  }
  const full = path.resolve(cwd, arg);
  const s = await stat(full).catch(() => undefined);
  if (!s) throw missing(arg, 'No such file or folder');
  if (s.isFile()) return [full];
  if (!s.isDirectory()) throw missing(arg, 'Not a file or folder');
  const found: string[] = [];
  for await (const f of walk(full)) found.push(f);
  return found;
}

/** The path lineage shows: relative to `cwd` when inside it, else absolute; always forward slashes. */
export function displayPath(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? absolute : rel;
  return shown.split(path.sep).join('/');
}

/**
 * Expands `args` in order; a path that does not exist (or a glob that matches nothing) is a USAGE error before any
 * work starts. Files named twice are ingested once.
 * @example await expandPaths(['docs', 'notes/*.txt'], process.cwd())
 */
export async function expandPaths(args: readonly string[], cwd: string): Promise<InputFile[]> {
  const seen = new Set<string>();
  const out: InputFile[] = [];
  for (const arg of args) {
    for (const f of await filesOf(arg, cwd)) {
      if (seen.has(f)) continue;
      seen.add(f);
      out.push({ absolute: f, display: displayPath(f, cwd) });
    }
  }
  return out;
}
