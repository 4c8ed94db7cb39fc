/** The options of one ingest, checked once by zod (the CLI and any other face pass raw values through here). */
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import { parseMarking } from '../../markings/index.js';
import { FILE_FORMATS } from '../parse/parser.js';

/** Dataset names: safe in paths, URLs and file names. */
export const DATASET_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export const ChunkSettingsSchema = z.object({
  strategy: z.enum(['basic', 'by_title']).default('by_title'),
  /** Hard maximum characters per chunk. */
  maxChars: z.number().int().positive().default(1500),
  /** Characters repeated between the pieces of a split oversized element. */
  overlap: z.number().int().nonnegative().default(0),
  /** by_title: sections shorter than this are combined with the next. */
  combineUnderChars: z.number().int().nonnegative().default(500),
});
export type ChunkSettings = z.infer<typeof ChunkSettingsSchema>;

export const IngestOptionsSchema = z.object({
  /** Files, folders (recursive) and globs (`*`, `?`, `**`, `[abc]`). */
  paths: z.array(z.string().min(1)).min(1, 'give at least one path'),
  dataset: z.string().regex(DATASET_NAME, 'letters, digits, . _ - only, starting with a letter or digit (1 to 128)'),
  /** Skip detection for the named files (not for the files embedded in them). */
  format: z.enum(FILE_FORMATS).optional(),
  /** The fixed-width record layout (parsed by the fixed-width parser). */
  recordSchema: z.unknown().optional(),
  ocr: z.boolean().default(true),
  chunk: ChunkSettingsSchema.default(ChunkSettingsSchema.parse({})),
  /**
   * The label of content that carries no marking. UNCLASSIFIED by default; on a classified network set the system
   * high (e.g. SECRET), so unmarked text is never treated as releasable.
   */
  unmarkedLabel: z.string().min(1).default('UNCLASSIFIED'),
});
export type IngestOptions = z.infer<typeof IngestOptionsSchema>;
export type IngestOptionsInput = z.input<typeof IngestOptionsSchema>;

/** Checks raw ingest options; throws USAGE naming the first bad field. */
export function parseIngestOptions(input: unknown): IngestOptions {
  const parsed = IngestOptionsSchema.safeParse(input);
  if (parsed.success) {
    if (parsed.data.chunk.overlap >= parsed.data.chunk.maxChars) throw bad('chunk.overlap', 'must be smaller than chunk.maxChars');
    const unmarked = parseMarking(parsed.data.unmarkedLabel.trim(), { form: 'banner', lenient: true }).normalised;
    if (!unmarked) throw bad('unmarkedLabel', `"${parsed.data.unmarkedLabel}" is not a readable banner marking`);
    const { format, recordSchema } = parsed.data;
    if (format === 'fixed_width' && recordSchema === undefined) throw bad('recordSchema', 'is required for fixed_width files (the layout cannot be guessed)');
    if (recordSchema !== undefined && format !== undefined && format !== 'fixed_width') throw bad('format', `must be fixed_width when a record schema is given (got ${format})`);
    // A record schema means the named files are fixed-width records: they cannot be sniffed.
    return { ...parsed.data, unmarkedLabel: unmarked, ...(recordSchema !== undefined ? { format: 'fixed_width' as const } : {}) };
  }
  const issue = parsed.error.issues[0]!;
  throw bad(issue.path.join('.') || 'options', issue.message);
}

function bad(field: string, message: string): AssayError {
  return new AssayError('USAGE', `Invalid ingest option ${field}: ${message}.`, {
    where: { field },
    hint: 'See `assay ingest --help`.',
  });
}
