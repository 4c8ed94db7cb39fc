/**
 * The parser registry: file format → its Parser, plus the library (and version) each one rests on, for lineage.
 * Typed maps keyed by FileFormat, so a format without a parser fails to compile once the registry is complete.
 */
import { csvParser } from './csv/index.js';
import { docxParser } from './docx/index.js';
import { emlParser, mboxParser } from './email/index.js';
import { fixedWidthParser } from './fixed-width/index.js';
import { htmlParser } from './html/index.js';
import { jsonParser } from './json/index.js';
import type { FileFormat, Parser } from './parser.js';
import { pdfParser, terminateOcrWorker } from './pdf/index.js';
import { textParser } from './text/index.js';
import { xlsxParser } from './xlsx/index.js';
import { xmlParser } from './xml/index.js';
import { zipParser } from './zip/index.js';

/** Format → parser: every FileFormat has one (the compiler checks). */
export const PARSERS = {
  pdf: pdfParser,
  docx: docxParser,
  xlsx: xlsxParser,
  csv: csvParser,
  html: htmlParser,
  eml: emlParser,
  mbox: mboxParser,
  json: jsonParser,
  xml: xmlParser,
  text: textParser,
  fixed_width: fixedWidthParser,
  zip: zipParser,
} as const satisfies Record<FileFormat, Parser>;

/**
 * Format → the extraction library and its pinned version (package.json pins exact versions; a test checks these
 * match), recorded in every chunk's lineage as `parse:<format>@<tool>`.
 */
export const PARSER_TOOLS = {
  pdf: 'pdfjs-dist@5.6.205',
  docx: 'mammoth@1.13.0',
  xlsx: 'exceljs@4.4.0',
  csv: 'csv-parse@7.0.3',
  html: 'htmlparser2@12.0.0',
  eml: 'postal-mime@4.0.0',
  mbox: 'postal-mime@4.0.0',
  json: 'assay',
  xml: 'htmlparser2@12.0.0',
  text: 'chardet@2.2.0',
  fixed_width: 'assay',
  zip: 'yauzl@3.4.0',
} as const satisfies Record<FileFormat, string>;

/** Releases what parsers keep between files (the shared OCR worker); call when a batch is done. */
export async function releaseParsers(): Promise<void> {
  await terminateOcrWorker();
}

/** The parser for `format`. */
export function parserFor(format: FileFormat): Parser {
  return PARSERS[format];
}
