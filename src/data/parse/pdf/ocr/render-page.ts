/** Renders one PDF page to a PNG with poppler's pdftoppm (a separate process, killed on abort or timeout). */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Rendering resolution: 200 dpi reads 9 pt text well and keeps a Letter page near 1700 × 2200 pixels. */
export const OCR_DPI = 200;
/** One page should never take this long; a stuck renderer is killed. */
const RENDER_TIMEOUT_MS = 120_000;

/** Thrown when pdftoppm is not installed, so the caller can warn instead of failing the file. */
export class MissingRendererError extends Error {
  constructor() {
    super('OCR needs pdftoppm from poppler-utils');
    this.name = 'MissingRendererError';
  }
}

/**
 * The page as PNG bytes. `pdfPath` is the PDF on disk, `workDir` a private temporary folder (the PNG is deleted).
 * @example const png = await renderPage({ pdfPath, page: 3, workDir });
 */
export async function renderPage(options: { pdfPath: string; page: number; workDir: string; signal?: AbortSignal }): Promise<Uint8Array> {
  const prefix = join(options.workDir, `page-${options.page}`);
  const n = String(options.page);
  try {
    await run('pdftoppm', ['-r', String(OCR_DPI), '-f', n, '-l', n, '-png', '-singlefile', options.pdfPath, prefix], {
      timeout: RENDER_TIMEOUT_MS,
      signal: options.signal,
      maxBuffer: 1024 * 1024,
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new MissingRendererError();
    throw err;
  }
  try {
    return new Uint8Array(await readFile(`${prefix}.png`));
  } finally {
    await rm(`${prefix}.png`, { force: true });
  }
}
