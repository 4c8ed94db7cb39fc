/** What `assay dataset export` is asked to do: the one schema every face (CLI, API) parses its input through. */
import { z } from 'zod';

/** Export formats, a closed set (each has a writer in formats/export-formats.ts). */
export const EXPORT_FORMATS = ['jsonl', 'parquet', 'retrieval', 'eval', 'chat', 'preference'] as const;

/** One export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Runtime guard for `ExportFormat`. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * An export request. `maxLabel` keeps only rows whose label it dominates (a releasable subset); PII is redacted
 * unless `keepPii`; `task` names a labelling task (chat from written responses, preference pairs).
 */
export const ExportRequestSchema = z
  .object({
    dataset: z.string().trim().min(1),
    /** Dataset version; the latest when absent. */
    version: z.coerce.number().int().positive().optional(),
    format: z.enum(EXPORT_FORMATS).default('jsonl'),
    /** Output file (or, for `retrieval`, a folder, or a prefix ending in `-`, `_` or `.`). */
    out: z.string().trim().min(1),
    /** Overwrite existing files. */
    force: z.boolean().default(false),
    maxLabel: z.string().trim().min(1).optional(),
    includeDuplicates: z.boolean().default(false),
    keepPii: z.boolean().default(false),
    task: z.string().trim().min(1).optional(),
    /** A system message for `chat` rows. */
    system: z.string().min(1).optional(),
  })
  .strict();

/** A parsed export request (defaults filled in). */
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

/** An export request as written by a caller (defaults may be left out). */
export type ExportRequestInput = z.input<typeof ExportRequestSchema>;
