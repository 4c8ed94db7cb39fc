/** The PDF parser: pdf.js text layer per page, OCR for scanned pages, layout into typed elements. */
import { AssayError } from '../../../errors/index.js';
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { ElementSink, throwIfAborted } from '../shared/index.js';
import { bodySize } from './body-size.js';
import { ocrLineType } from './ocr/ocr-line-type.js';
import { openPdf } from './open-pdf.js';
import { pageBlocks, type PageBlock } from './page-blocks.js';
import { pdfProperties } from './pdf-properties.js';
import { readPages, type PageContent } from './read-pages.js';
import { scratchPdf } from './scratch-pdf.js';

function tooManyPages(input: ParseInput, pages: number): AssayError {
  return new AssayError('LIMIT_EXCEEDED', `${input.path}: ${pages} pages, more than the limit of ${input.limits.maxPages}.`, {
    where: { file: input.path },
    hint: 'Split the PDF, or raise limits.maxPages.',
  });
}

/** Heading levels by title font size: the largest is 1. */
function titleLevels(blocks: PageBlock[]): Map<number, number> {
  const sizes = [...new Set(blocks.filter((b) => b.type === 'title').map((b) => Math.round(b.size)))].sort((a, b) => b - a);
  return new Map(sizes.map((s, i) => [s, Math.min(i + 1, 6)]));
}

/** Lays the pages out and appends their elements in page order. */
function toElements(pages: PageContent[], sink: ElementSink): void {
  const body = bodySize(pages.flatMap((p) => (p.kind === 'text' ? p.lines : [])));
  const laidOut = pages.map((p) => ({ p, blocks: p.kind === 'text' ? pageBlocks(p.lines, { height: p.height, bodySize: body }) : [] }));
  const levels = titleLevels(laidOut.flatMap((x) => x.blocks));
  for (const { p, blocks } of laidOut) {
    if (p.kind === 'ocr') {
      for (const line of p.lines) sink.push(ocrLineType(line, p.height), line.text, { page: p.page, bbox: line.bbox });
      continue;
    }
    for (const b of blocks) {
      const level = b.type === 'title' ? levels.get(Math.round(b.size)) : undefined;
      sink.push(b.type, b.text, { page: p.page, bbox: b.bbox, ...(level ? { metadata: { level } } : {}) });
    }
  }
}

/**
 * Parses a PDF into header/footer (top and bottom 8% of the page: banners), title, list_item, narrative_text and,
 * for scanned pages, image_text elements (OCR lines in the same bands are header/footer); each with its page, box
 * (points, top-left origin) and offsets.
 * Encrypted or corrupt files throw DATASET_INVALID; more pages than `limits.maxPages` throw LIMIT_EXCEEDED.
 * @example const { elements, properties } = await pdfParser.parse({ bytes, path: 'r.pdf', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const pdfParser: Parser = {
  format: 'pdf',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    const doc = await openPdf(input.bytes, input.path);
    const scratch = scratchPdf(input.bytes);
    try {
      if (doc.numPages > input.limits.maxPages) throw tooManyPages(input, doc.numPages);
      const properties = await pdfProperties(doc);
      const warnings: string[] = [];
      const pages = await readPages(doc, input, scratch, warnings);
      if (pages.length === 0 && doc.numPages > 0) {
        throw new AssayError('DATASET_INVALID', `${input.path}: corrupt PDF: no page could be read (${warnings[0] ?? 'unknown reason'}).`, {
          where: { file: input.path },
          hint: 'Copy the file again from its source; if it opens elsewhere, print it to a new PDF and ingest that.',
        });
      }
      const ocrPages = pages.filter((p) => p.kind === 'ocr').map((p) => p.page);
      if (ocrPages.length) properties.ocr_pages = ocrPages.join(',');
      const sink = new ElementSink(input);
      toElements(pages, sink);
      return { elements: sink.elements, properties, warnings, embedded: [], units: doc.numPages };
    } finally {
      await scratch.dispose();
      await doc.destroy();
    }
  },
};
