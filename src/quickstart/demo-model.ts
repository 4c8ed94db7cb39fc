/** Builds the quickstart's demo model once per Assay home and reuses it while corpus and builder are unchanged. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BIGRAM_BUILDER_VERSION, buildBigramGguf } from './bigram-gguf.js';
import { readDemoCorpus } from './corpus/demo-corpus.js';

export { demoCorpusPath } from './corpus/demo-corpus.js';

export const DEMO_MODEL_FILE = 'assay-demo-bigram.gguf';

/** The sidecar next to the model: what it was built from, so a changed corpus or builder triggers a rebuild. */
const SidecarSchema = z.object({
  corpusSha256: z.string(),
  builderVersion: z.number(),
  modelSha256: z.string(),
  bytes: z.number(),
});
type Sidecar = z.infer<typeof SidecarSchema>;

async function readSidecar(path: string): Promise<Sidecar | undefined> {
  try {
    const parsed = SidecarSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/** Writes via a temporary file in the same directory and a rename, so readers never see a partial file. */
async function writeAtomically(path: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  try {
    await write(tmp);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * Returns `${home}/models/assay-demo-bigram.gguf`, building it from the bundled corpus on first use (well under a
 * second). It is rebuilt when the sidecar `assay-demo-bigram.json` is missing or records another corpus sha256,
 * builder version or file size. Both files are written atomically, the model first, so a killed build leaves
 * either the old pair or a model without a matching sidecar (rebuilt next time), never a model that is trusted
 * but corrupt.
 *
 * @example
 * const { path, built } = await ensureDemoModel(assayHome());
 */
export async function ensureDemoModel(home: string): Promise<{ path: string; built: boolean }> {
  const dir = join(home, 'models');
  const path = join(dir, DEMO_MODEL_FILE);
  const sidecarPath = join(dir, DEMO_MODEL_FILE.replace(/\.gguf$/, '.json'));
  const corpus = await readDemoCorpus();
  const corpusSha256 = createHash('sha256').update(corpus.raw).digest('hex');
  const sidecar = await readSidecar(sidecarPath);
  if (
    sidecar?.corpusSha256 === corpusSha256 &&
    sidecar.builderVersion === BIGRAM_BUILDER_VERSION &&
    (await sizeOf(path)) === sidecar.bytes
  ) {
    return { path, built: false };
  }
  await mkdir(dir, { recursive: true });
  await rm(sidecarPath, { force: true });
  let model = { sha256: '', bytes: 0 };
  await writeAtomically(path, async (tmp) => {
    model = await buildBigramGguf({ corpusText: corpus.text, outPath: tmp });
  });
  const record: Sidecar = { corpusSha256, builderVersion: BIGRAM_BUILDER_VERSION, modelSha256: model.sha256, bytes: model.bytes };
  await writeAtomically(sidecarPath, (tmp) => writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`));
  return { path, built: true };
}
