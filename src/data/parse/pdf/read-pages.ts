/** Reads each page's text layer, or OCRs the page when it has (almost) none. */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { ParseInput } from '../parser.js';
import { throwIfAborted } from '../shared/index.js';
import { ocrPage, type OcrLine } from './ocr/ocr-page.js';
import { MissingRendererError, renderPage } from './ocr/render-page.js';
import { pageLines, type PageLine } from './page-lines.js';
import type { ScratchPdf } from './scratch-pdf.js';

/** A page with fewer non-space characters than this in its text layer is treated as scanned. */
export const MIN_TEXT_CHARS = 10;
/** OCR lines under this confidence (0–100) are named in a warning. */
export const LOW_CONFIDENCE = 60;

/** One page's content: text-layer lines, or OCR lines. */
export type PageContent =
  | { page: number; height: number; kind: 'text'; lines: PageLine[] }
  | { page: number; height: number; kind: 'ocr'; lines: OcrLine[] };

const textChars = (lines: PageLine[]) => lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);

async function ocr(n: number, input: ParseInput, scratch: ScratchPdf, warnings: string[]): Promise<OcrLine[]> {
  try {
    const png = await renderPage({ pdfPath: await scratch.pdfPath(), page: n, workDir: scratch.dir(), signal: input.signal });
    const lines = await ocrPage(png);
    const low = lines.filter((l) => l.confidence < LOW_CONFIDENCE);
    if (low.length) {
      warnings.push(`${input.path}: page ${n}: OCR confidence is low on ${low.length} of ${lines.length} lines (lowest ${Math.min(...low.map((l) => l.confidence))}); check the text.`);
    }
    return lines;
  } catch (err) {
    throwIfAborted(input.signal, input.path);
    const reason = err instanceof MissingRendererError ? err.message : `OCR failed (${(err as Error).message})`;
    warnings.push(`${input.path}: page ${n} has no text layer and was not read: ${reason}.`);
    return [];
  }
}

/**
 * Every page in order, checking the signal between pages. Scanned pages are OCRed unless `input.ocr === false`.
 * @example const pages = await readPages(doc, input, scratch, warnings);
 */
export async function readPages(doc: PDFDocumentProxy, input: ParseInput, scratch: ScratchPdf, warnings: string[]): Promise<PageContent[]> {
  const pages: PageContent[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    throwIfAborted(input.signal, input.path);
    let lines: PageLine[];
    let height: number;
    try {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: 1 });
      height = viewport.height;
      lines = pageLines(await page.getTextContent(), viewport);
      page.cleanup();
    } catch (err) {
      warnings.push(`${input.path}: page ${n} could not be read (${(err as Error).message}); skipped.`);
      continue;
    }
    if (textChars(lines) >= MIN_TEXT_CHARS) pages.push({ page: n, height, kind: 'text', lines });
    else if (input.ocr === false) {
      pages.push({ page: n, height, kind: 'text', lines });
      warnings.push(`${input.path}: page ${n} has no text layer and OCR is off; its text is missing.`);
    } else pages.push({ page: n, height, kind: 'ocr', lines: await ocr(n, input, scratch, warnings) });
  }
  return pages;
}
