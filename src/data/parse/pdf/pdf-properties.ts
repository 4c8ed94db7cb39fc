/** Document properties from the PDF info dictionary: title, author, subject, creation date, producer, pages. */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfjs } from './open-pdf.js';

const FIELDS = { Title: 'title', Author: 'author', Subject: 'subject', Keywords: 'keywords', Creator: 'creator', Producer: 'producer' } as const;

/**
 * Strings only, blanks left out; `created`/`modified` as ISO 8601 when the PDF date parses.
 * @example await pdfProperties(doc) // { title: 'Exercise Report', author: 'J. Analyst', created: '2024-…', pages: '2' }
 */
export async function pdfProperties(doc: PDFDocumentProxy): Promise<Record<string, string>> {
  const { PDFDateString } = await loadPdfjs();
  const out: Record<string, string> = {};
  const meta = await doc.getMetadata().catch(() => null);
  const info = (meta?.info ?? {}) as Record<string, unknown>;
  for (const [key, name] of Object.entries(FIELDS)) {
    const value = info[key];
    if (typeof value === 'string' && value.trim() !== '') out[name] = value.trim();
  }
  for (const [key, name] of [['CreationDate', 'created'], ['ModDate', 'modified']] as const) {
    const value = info[key];
    const date = typeof value === 'string' ? PDFDateString.toDateObject(value) : null;
    if (date && !Number.isNaN(date.getTime())) out[name] = date.toISOString();
  }
  out.pages = String(doc.numPages);
  return out;
}
