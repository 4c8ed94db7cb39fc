/** Finds and reads the bundled public-domain corpus the demo model is trained on. */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssayError } from '../../errors/index.js';

/** The corpus file, relative to the package root. */
export const DEMO_CORPUS_FILE = 'src/quickstart/corpus/us-founding-documents.txt';

function isAssayRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'assay';
  } catch {
    return false;
  }
}

/**
 * Absolute path of the demo corpus. Walks up from this module (a source file under vitest/tsx, or
 * dist/cli.mjs once bundled) to the directory whose package.json is named "assay".
 */
export function demoCorpusPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isAssayRoot(dir)) return join(dir, DEMO_CORPUS_FILE);
    const parent = dirname(dir);
    if (parent === dir) {
      throw new AssayError('INTERNAL', `The demo corpus was not found: no package.json named "assay" above ${fileURLToPath(import.meta.url)}.`, {
        hint: 'The Assay installation is incomplete; reinstall it from its package or repository.',
      });
    }
    dir = parent;
  }
}

/** The corpus file as stored (its sha256 keys the demo model) and its training text, without the '#' header. */
export async function readDemoCorpus(): Promise<{ raw: string; text: string }> {
  const raw = await readFile(demoCorpusPath(), 'utf8');
  const text = raw
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join('\n');
  return { raw, text };
}
