/** One file (and, recursively, the files embedded in it) from bytes to chunk records: detect, parse, label, clean, chunk. */
import { AssayError, toAssayError } from '../../errors/index.js';
import { sha256 } from '../../hashing/canonical-json.js';
import { VOCABULARY_VERSION } from '../../markings/index.js';
import { chunkBasic, chunkByTitle } from '../chunk/index.js';
import type { ChunkRecord } from '../dataset/dataset-types.js';
import { checkPropertyLabel, labelDocument, rollupLabels, type Element } from '../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type FileFormat, type Parser } from '../parse/parser.js';
import { PARSER_TOOLS } from '../parse/registry.js';
import { PII_DETECTOR_VERSION } from '../pii/index.js';
import { cleanElements } from './clean-elements.js';
import type { IngestOptions } from './ingest-options.js';
import { toChunkRecord } from './to-chunk-record.js';

/** How formats are found and parsed; the registry by default, stand-ins in tests. */
export interface ParseDeps {
  parsers: Partial<Record<FileFormat, Parser>>;
  detect: (bytes: Uint8Array, path: string, options: { force?: FileFormat }) => Promise<{ format: FileFormat }> | { format: FileFormat };
}

/** A parsed document, ready to store. */
export interface ProcessedDocument {
  id: string;
  path: string;
  sha256: string;
  size: number;
  format: FileFormat;
  parentId: string | null;
  units: number;
  properties: Record<string, string>;
  warnings: string[];
  label: string;
  chunks: ChunkRecord[];
}

/** A file (or embedded file) that could not be ingested, and why. */
export interface FileError {
  path: string;
  sha256: string | null;
  code: string;
  reason: string;
}

/** A file and everything embedded in it. */
export interface TreeResult {
  documents: ProcessedDocument[];
  errors: FileError[];
}

/** What the walk needs besides the bytes. */
export interface TreeContext {
  dataset: string;
  options: IngestOptions;
  deps: ParseDeps;
  maxDepth: number;
  signal?: AbortSignal;
}

/** The id of a document: the same bytes at the same path in the same dataset are the same document. */
export function documentId(dataset: string, path: string, fileSha256: string): string {
  return sha256(`${dataset}\u0000${path}\u0000${fileSha256}`);
}

function fail(path: string, fileSha: string | null, err: unknown): FileError {
  const e = toAssayError(err);
  return { path, sha256: fileSha, code: e.code, reason: e.message };
}

function chunkRecords(elements: Element[], doc: { id: string; path: string; sha256: string; format: FileFormat; parentPath?: string }, extraSteps: string[], ctx: TreeContext): ChunkRecord[] {
  const { chunk, unmarkedLabel } = ctx.options;
  const chunks =
    chunk.strategy === 'basic'
      ? chunkBasic(elements, { maxChars: chunk.maxChars, overlap: chunk.overlap })
      : chunkByTitle(elements, { maxChars: chunk.maxChars, overlap: chunk.overlap, combineUnderChars: chunk.combineUnderChars, multipage: true });
  const transformations = [
    `parse:${doc.format}@${PARSER_TOOLS[doc.format]}`,
    `label:markings@${VOCABULARY_VERSION}`,
    ...extraSteps,
    `chunk:${chunk.strategy}(max=${chunk.maxChars},overlap=${chunk.overlap}${chunk.strategy === 'by_title' ? `,combine=${chunk.combineUnderChars}` : ''})`,
    `pii:analyze@${PII_DETECTOR_VERSION}`,
  ];
  const byId = new Map(elements.map((e) => [e.id, e]));
  const metadata: Record<string, string> = { format: doc.format, ...(doc.parentPath ? { parent: doc.parentPath } : {}) };
  const ctxc = { documentId: doc.id, source: { path: doc.path, sha256: doc.sha256 }, elements: byId, transformations, unmarkedLabel, metadata };
  const seen = new Set<string>();
  return chunks.map((c) => toChunkRecord(c, ctxc)).filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** Parses one document; its embedded files follow as documents of their own (depth-first, in order). */
async function walk(
  file: { bytes: Uint8Array; path: string; parent: { id: string; path: string } | null; depth: number; force?: FileFormat },
  ctx: TreeContext,
  out: TreeResult,
): Promise<void> {
  if (ctx.signal?.aborted) throw new AssayError('ABORTED', `Ingest cancelled at ${file.path}.`);
  const fileSha = sha256(file.bytes);
  if (file.bytes.byteLength === 0) {
    out.errors.push({ path: file.path, sha256: fileSha, code: 'DATASET_INVALID', reason: 'The file is empty (0 bytes).' });
    return;
  }
  let doc: ProcessedDocument;
  let embedded: Array<{ path: string; bytes: Uint8Array }>;
  try {
    const { format } = await ctx.deps.detect(file.bytes, file.path, file.force ? { force: file.force } : {});
    const parser = ctx.deps.parsers[format];
    if (!parser) throw new AssayError('DATASET_INVALID', `No parser for ${format} files is installed.`, { where: { file: file.path } });
    const parsed = await parser.parse({
      bytes: file.bytes,
      path: file.path,
      sha256: fileSha,
      limits: DEFAULT_PARSE_LIMITS,
      ocr: ctx.options.ocr,
      ...(format === 'fixed_width' && ctx.options.recordSchema !== undefined ? { fixedWidthSchema: ctx.options.recordSchema } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    // Markings are read on the raw, complete text (headers and footers included) before any cleaning.
    const marked = labelDocument(parsed.elements);
    // A classification property (DOCX/XLSX custom.Classification) is checked against the visible marks, labels text
    // they leave unmarked, and can raise the document label but never lower it.
    const property = checkPropertyLabel({ properties: parsed.properties, visible: rollupLabels(marked.elements.map((e) => e.label)), path: file.path });
    const unmarked = rollupLabels([ctx.options.unmarkedLabel, property.fromProperties]);
    const labelled = marked.elements.map((e) => (e.label === '' ? { ...e, label: unmarked } : e));
    const cleaned = cleanElements(labelled);
    const id = documentId(ctx.dataset, file.path, fileSha);
    const chunks = chunkRecords(cleaned.elements, { id, path: file.path, sha256: fileSha, format, ...(file.parent ? { parentPath: file.parent.path } : {}) }, cleaned.transformations, ctx);
    const label = rollupLabels([...labelled.map((e) => e.label), ...chunks.map((c) => c.label), property.label]) || ctx.options.unmarkedLabel;
    const warnings = [...parsed.warnings, ...marked.warnings, ...property.warnings];
    doc = { id, path: file.path, sha256: fileSha, size: file.bytes.byteLength, format, parentId: file.parent?.id ?? null, units: parsed.units, properties: parsed.properties, warnings, label, chunks };
    embedded = parsed.embedded;
  } catch (err) {
    if (err instanceof AssayError && err.code === 'ABORTED') throw err;
    out.errors.push(fail(file.path, fileSha, err));
    return;
  }
  out.documents.push(doc);
  for (const child of embedded) {
    if (file.depth + 1 > ctx.maxDepth) {
      out.errors.push({ path: child.path, sha256: sha256(child.bytes), code: 'LIMIT_EXCEEDED', reason: `Embedded more than ${ctx.maxDepth} levels deep; not ingested.` });
      continue;
    }
    await walk({ bytes: child.bytes, path: child.path, parent: { id: doc.id, path: doc.path }, depth: file.depth + 1 }, ctx, out);
  }
}

/**
 * Processes one input file and every file embedded in it (attachments, archive members, mbox messages) down to
 * `ctx.maxDepth`. Bad input never throws: each failure is a FileError and the rest goes on; only ABORTED throws.
 * @example const { documents, errors } = await processFile(bytes, 'docs/a.pdf', ctx);
 */
export async function processFile(bytes: Uint8Array, path: string, ctx: TreeContext): Promise<TreeResult> {
  const out: TreeResult = { documents: [], errors: [] };
  await walk({ bytes, path, parent: null, depth: 0, ...(ctx.options.format ? { force: ctx.options.format } : {}) }, ctx, out);
  return out;
}
