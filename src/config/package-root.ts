/** Finds Assay's own install folder, from source (tsx/vitest) and from the bundle in dist/ alike. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'assay') return (cached = dir);
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Assay: cannot find its own package.json');
    dir = up;
  }
}
