/** Opens a PDF with pdf.js, offline: local font and CMap data, no eval, no fetches; failures become AssayErrors. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AssayError } from '../../../errors/index.js';

/** pdf.js wants directory URLs ending in `/`; in Node a plain path is read from disk, never fetched. */
function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

/** The pdf.js module, imported on first use (it is large, and most ingests have no PDF). */
export function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/** A complete PDF ends with `%%EOF` (give or take trailing junk); pdf.js would silently recover part of a cut-off one. */
const EOF_WINDOW = 64 * 1024;

function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - EOF_WINDOW));
  return Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).lastIndexOf('%%EOF') >= 0;
}

function corrupt(path: string, reason: string, cause?: unknown): AssayError {
  return new AssayError('DATASET_INVALID', `${path}: corrupt or truncated PDF (${reason}).`, {
    where: { file: path },
    cause,
    hint: 'Copy the file again from its source; if it opens elsewhere, print it to a new PDF and ingest that.',
  });
}

function openError(path: string, err: unknown): AssayError {
  const name = err instanceof Error ? err.name : '';
  if (name === 'PasswordException') {
    return new AssayError('DATASET_INVALID', `${path}: encrypted PDF, cannot read without the password.`, {
      where: { file: path },
      cause: err,
      hint: 'Ask the owner for an unencrypted copy (or decrypt it, e.g. qpdf --decrypt --password=… in.pdf out.pdf) and ingest that.',
    });
  }
  return corrupt(path, err instanceof Error && err.message ? err.message : String(err), err);
}

/**
 * Opens `bytes` (copied, since pdf.js takes ownership of its buffer). Encrypted and corrupt files throw
 * DATASET_INVALID with the reason.
 * @example const doc = await openPdf(bytes, 'report.pdf'); doc.numPages // 2
 */
export async function openPdf(bytes: Uint8Array, path: string): Promise<PDFDocumentProxy> {
  if (!hasEofMarker(bytes)) throw corrupt(path, 'no %%EOF marker at the end: the file is cut off');
  const pdfjs = await loadPdfjs();
  const dir = packageDir();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    standardFontDataUrl: join(dir, 'standard_fonts') + '/',
    cMapUrl: join(dir, 'cmaps') + '/',
    cMapPacked: true,
    wasmUrl: join(dir, 'wasm') + '/',
    iccUrl: join(dir, 'iccs') + '/',
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    throw openError(path, err);
  }
}
