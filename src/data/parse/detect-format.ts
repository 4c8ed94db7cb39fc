/** Which parser a file needs: magic bytes first (file-type), then text sniffers, checked against the file's name. */
import { extname } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { unzipSync } from 'fflate';
import { AssayError } from '../../errors/index.js';
import type { FileFormat } from './parser.js';

/** Options for `detectFormat`. */
export interface DetectOptions {
  /** Skip detection and use this format (fixed-width files cannot be sniffed; the user says so). */
  force?: FileFormat;
}

/** The detected format. */
export interface DetectedFormat {
  format: FileFormat;
}

/** Text sniffers read this much of the file. */
const SAMPLE_CHARS = 64 * 1024;

/** Extensions that promise a format; content that is something else is a lie worth refusing. */
const PROMISES: Readonly<Record<string, { format: FileFormat; name: string }>> = {
  '.pdf': { format: 'pdf', name: 'a PDF' },
  '.docx': { format: 'docx', name: 'a Word document (DOCX)' },
  '.xlsx': { format: 'xlsx', name: 'an Excel workbook (XLSX)' },
  '.zip': { format: 'zip', name: 'a ZIP archive' },
  '.json': { format: 'json', name: 'JSON' },
  '.jsonl': { format: 'json', name: 'JSON Lines' },
  '.ndjson': { format: 'json', name: 'JSON Lines' },
};

/** Extensions that settle a text file's format when no sniffer is sure. */
const TEXT_EXTENSIONS: Readonly<Record<string, FileFormat>> = {
  '.csv': 'csv', '.tsv': 'csv', '.eml': 'eml', '.mbox': 'mbox', '.xml': 'xml', '.html': 'html', '.htm': 'html',
  '.txt': 'text', '.md': 'text', '.log': 'text', '.text': 'text',
};

function invalid(path: string, reason: string, hint: string): AssayError {
  return new AssayError('DATASET_INVALID', `${path}: ${reason}.`, { where: { file: path }, hint });
}

/** The first bytes, printable, for messages: `"PK\x03\x04…"`. */
function preview(bytes: Uint8Array): string {
  const head = Array.from(bytes.subarray(0, 16), (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : `\\x${b.toString(16).padStart(2, '0')}`));
  return JSON.stringify(head.join('')).slice(0, -1) + (bytes.length > 16 ? '…"' : '"');
}

/** Binary: a NUL, or more than 10% control characters, in the first 8 KiB (UTF-16 with a BOM is text). */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control += 1;
  }
  return control > head.length / 10;
}

/** DOCX and XLSX are ZIPs; the member names tell them apart (listed without inflating anything). */
function officeKind(bytes: Uint8Array): FileFormat {
  const names: string[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (names.push(f.name), false) });
  } catch {
    return 'zip';
  }
  if (!names.includes('[Content_Types].xml')) return 'zip';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return 'zip';
}

const EMAIL_HEADERS = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'received', 'return-path', 'mime-version', 'delivered-to', 'reply-to', 'content-type', 'sender', 'in-reply-to', 'references']);

/** RFC 5322: the file opens with `Name: value` header lines, at least two of them well-known e-mail headers. */
function isEmail(text: string): boolean {
  const headerBlock = text.split(/\r?\n\r?\n/, 1)[0]!;
  const lines = headerBlock.split(/\r?\n/).filter((l) => !/^[ \t]/.test(l));
  if (lines.length < 2 || lines.length > 500) return false;
  let known = 0;
  for (const line of lines) {
    const m = /^([!-9;-~]+):/.exec(line);
    if (!m) return false;
    if (EMAIL_HEADERS.has(m[1]!.toLowerCase())) known += 1;
  }
  return known >= 2;
}

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** JSON or JSON Lines: starts with `{`/`[` and parses (whole, or line by line); a truncated sample need only look so. */
function isJson(text: string, complete: boolean): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  if (complete && parsesAsJson(trimmed)) return true;
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim() !== '');
  const whole = complete ? lines : lines.slice(0, -1);
  if (whole.length > 0 && whole.every((l) => /^\s*[[{]/.test(l) && parsesAsJson(l))) return true;
  return !complete && /^[[{]\s*(?:["{[\]}\-0-9]|true|false|null|$)/.test(trimmed);
}

const HTML_START = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const XML_START = /^(?:<\?xml[\s?]|<!--|<!DOCTYPE\s+[A-Za-z]|<[A-Za-z_][\w.:-]*[\s>/])/;

/** Counts `delimiter` outside double quotes. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n += 1;
  }
  return n;
}

/** Delimited text: at least three lines with the same non-zero count of one delimiter. */
function isDelimited(text: string, complete: boolean): boolean {
  const all = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const lines = (complete ? all : all.slice(0, -1)).slice(0, 20);
  if (lines.length < 3) return false;
  return [',', '\t', ';', '|'].some((d) => {
    const first = countOutsideQuotes(lines[0]!, d);
    return first > 0 && lines.every((l) => countOutsideQuotes(l, d) === first);
  });
}

/** Sniffs a text file's format from its first 64 KiB, falling back to its extension, then to plain text. */
function sniffText(bytes: Uint8Array, ext: string): FileFormat {
  const sample = new TextDecoder('utf-8').decode(bytes.subarray(0, SAMPLE_CHARS));
  const complete = bytes.length <= SAMPLE_CHARS;
  const text = sample.trimStart();
  // A .json file that starts like JSON is JSON even if broken: the JSON parser then names the bad line.
  if (isJson(text, complete) || (PROMISES[ext]?.format === 'json' && /^[[{]/.test(text))) return 'json';
  if (/^From \S+/.test(text)) return 'mbox';
  if (isEmail(text)) return 'eml';
  if (HTML_START.test(text)) return 'html';
  if (XML_START.test(text)) return /<html[\s>]/i.test(text.slice(0, 2048)) ? 'html' : 'xml';
  const byExtension = TEXT_EXTENSIONS[ext];
  if (byExtension) return byExtension;
  return isDelimited(sample, complete) ? 'csv' : 'text';
}

/** Readers accept `%PDF-` anywhere in the first KiB (some producers put junk first); file-type only at byte 0. */
function hasLatePdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  return Buffer.from(head.buffer, head.byteOffset, head.byteLength).includes('%PDF-');
}

/** What the content is, before the name is considered; `unknown` is binary with no format Assay reads. */
async function sniff(bytes: Uint8Array, ext: string): Promise<{ format: FileFormat } | { unknown: string }> {
  const magic = await fileTypeFromBuffer(bytes);
  if (magic?.ext === 'pdf' || hasLatePdfHeader(bytes)) return { format: 'pdf' };
  if (magic?.ext === 'docx' || magic?.ext === 'xlsx') return { format: magic.ext };
  if (magic?.ext === 'zip') return { format: officeKind(bytes) };
  if (!looksBinary(bytes)) return { format: sniffText(bytes, ext) };
  return { unknown: magic ? `binary file of unsupported type ${magic.ext} (${magic.mime})` : 'binary file of unknown type' };
}

/**
 * Detects a file's format. Throws DATASET_INVALID for an empty file, for a name that promises a format the content
 * is not (`named .pdf but the content is not a PDF`), and for binary content of no format Assay reads.
 * @example await detectFormat(bytes, 'report.pdf') // { format: 'pdf' }
 * @example await detectFormat(bytes, 'ledger.dat', { force: 'fixed_width' }) // { format: 'fixed_width' }
 */
export async function detectFormat(bytes: Uint8Array, path: string, options: DetectOptions = {}): Promise<DetectedFormat> {
  if (bytes.length === 0) throw invalid(path, 'empty file (0 bytes)', 'The file has no content; check that it was copied completely.');
  if (options.force) return { format: options.force };
  const ext = extname(path).toLowerCase();
  const found = await sniff(bytes, ext);
  const promise = PROMISES[ext];
  const officeInZip = ext === '.zip' && 'format' in found && (found.format === 'docx' || found.format === 'xlsx');
  if (promise && !officeInZip && !('format' in found && found.format === promise.format)) {
    const looks = 'format' in found ? `; it looks like ${found.format}` : '';
    throw invalid(path, `named ${ext} but the content is not ${promise.name} (starts with ${preview(bytes)}${looks})`, 'Rename the file to match its content, or fetch the right file; Assay does not trust extensions.');
  }
  if ('unknown' in found) throw invalid(path, found.unknown, 'Convert it to a supported format (PDF, DOCX, XLSX, CSV, JSON, XML, HTML, e-mail or text).');
  return found;
}
