/** A private temporary folder holding the PDF on disk, made only when a page needs rendering, always removed. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The PDF's bytes on disk for pdftoppm; `dispose` deletes everything. */
export interface ScratchPdf {
  pdfPath(): Promise<string>;
  dir(): string;
  dispose(): Promise<void>;
}

/**
 * Creates the folder (mode 0700 via mkdtemp) and writes the PDF on the first `pdfPath()` call.
 * @example const scratch = scratchPdf(bytes); try { await scratch.pdfPath() } finally { await scratch.dispose() }
 */
export function scratchPdf(bytes: Uint8Array): ScratchPdf {
  let dir: string | null = null;
  let written: Promise<string> | null = null;
  return {
    pdfPath() {
      written ??= (async () => {
        dir = await mkdtemp(join(tmpdir(), 'assay-pdf-'));
        const path = join(dir, 'input.pdf');
        await writeFile(path, bytes, { mode: 0o600 });
        return path;
      })();
      return written;
    },
    dir() {
      if (!dir) throw new Error('scratchPdf: pdfPath() must be awaited first');
      return dir;
    },
    async dispose() {
      await written?.catch(() => undefined);
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}
