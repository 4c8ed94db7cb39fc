/** Finds Assay's own install folder, from source (tsx/vitest) and from the bundle in dist/ alike. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssayError } from '../errors/index.js';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (isAssayManifest(pkg)) return (cached = dir);
    const up = path.dirname(dir);
    if (up === dir) {
      throw new AssayError('INTERNAL', `Assay cannot find its own package.json above ${fileURLToPath(import.meta.url)}.`, {
        hint: 'The Assay installation is incomplete; reinstall it from its package or repository.',
      });
    }
    dir = up;
  }
}

function isAssayManifest(file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown }).name === 'assay';
  } catch {
    return false;
  }
}
