/** Finds and reads the bundled public-domain corpus the demo model is trained on. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../../config/package-root.js';

/** The corpus file, relative to the package root. */
export const DEMO_CORPUS_FILE = 'src/quickstart/corpus/us-founding-documents.txt';

/** Absolute path of the demo corpus, from source (vitest/tsx) and from the bundle in dist/ alike. */
export function demoCorpusPath(): string {
  return join(packageRoot(), DEMO_CORPUS_FILE);
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
