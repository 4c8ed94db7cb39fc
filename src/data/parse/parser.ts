/** The Parser seam: one file's bytes in, typed elements out. One implementation per format (src/data/parse/<format>/). */
import type { Element } from '../elements/index.js';

/** Every format `assay ingest` understands; `detectFormat` maps bytes and a name to one of these. */
export const FILE_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'html', 'eml', 'mbox', 'json', 'xml', 'text', 'fixed_width', 'zip'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** Limits every parser honours; a breach is a per-file error (AssayError LIMIT_EXCEEDED), never a crash. */
export interface ParseLimits {
  /** Longest single line (or cell, or text run) in bytes; default 10 MiB. A longer one is an error record. */
  maxLineBytes: number;
  /** Most elements one file may produce; default 1,000,000. */
  maxElements: number;
  /** Most pages a PDF may have; default 10,000. */
  maxPages: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxLineBytes: 10 * 1024 * 1024, maxElements: 1_000_000, maxPages: 10_000 };

/** What a parser is given. */
export interface ParseInput {
  /** The whole file. */
  bytes: Uint8Array;
  /** The file's path as the user will see it in lineage (for archive members: `archive.zip!/inner/path.pdf`). */
  path: string;
  /** SHA-256 of `bytes`, 64 lower-case hex digits (elements carry it as `source.sha256`). */
  sha256: string;
  limits: ParseLimits;
  /** OCR scanned PDF pages (and images) with tesseract.js and the locally shipped language data; default true. */
  ocr?: boolean;
  /** For `fixed_width`: the record layout (see src/data/parse/fixed-width/). */
  fixedWidthSchema?: unknown;
  /** Stops work between pages/records; a fired signal throws AssayError ABORTED. */
  signal?: AbortSignal;
}

/** A file found inside another (an e-mail attachment, a zip member): ingested recursively as its own document. */
export interface EmbeddedFile {
  /** Path for lineage, e.g. `mail.mbox!/message-3/attachment-1/report.pdf`. */
  path: string;
  bytes: Uint8Array;
}

/** What a parser returns. Elements come from `createElement` (ids deterministic); labels are assigned by ingest. */
export interface ParsedFile {
  elements: Element[];
  /** Document properties worth keeping (title, author, created, sheet names, e-mail ids, …): strings only. */
  properties: Record<string, string>;
  /** Non-fatal problems (a page that OCR could not read, a cell truncated, a guessed encoding), shown to the user. */
  warnings: string[];
  /** Files embedded in this one, to be ingested recursively. */
  embedded: EmbeddedFile[];
  /** Pages (PDF) or sheets (XLSX) or messages (MBOX), for throughput figures; 1 when the notion does not apply. */
  units: number;
}

/**
 * One format's parser. It throws AssayError with a clear reason for bad input (encrypted, corrupt, truncated,
 * zero-byte, wrong encoding, limit exceeded); ingest turns that into a per-file error record and goes on.
 */
export interface Parser {
  readonly format: FileFormat;
  parse(input: ParseInput): Promise<ParsedFile>;
}
