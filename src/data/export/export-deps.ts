/** What an export needs from the rest of Assay (readers, audit, the acting user) and what it returns. */
import type { AuditLog } from '../../governance/audit/audit-log.js';
import type { User } from '../../governance/identity/user.js';
import type { PiiType } from '../pii/index.js';
import type { DatasetReader, LabelResultsReader, QaItemReader } from '../dataset/dataset-types.js';
import type { ExportFormat } from './export-request.js';

/** Readers are interfaces, so tests pass in-memory ones and the CLI the store-backed ones. */
export interface ExportDeps {
  datasets: DatasetReader;
  /** Synth QA items (eval, chat, retrieval queries). */
  qa?: QaItemReader;
  /** Labelling consensus (chat from written responses, preference pairs). */
  labels?: LabelResultsReader;
  /** Every export is recorded here when given (action `export`). */
  audit?: AuditLog;
  /** Who exports: rows are read, and --max-label checked, under this user's clearance. */
  viewer: User;
  /** Clock for the card (tests pin it). */
  now?: () => Date;
  /** Stops the export between rows; nothing is left under the final names. */
  signal?: AbortSignal;
}

/** One written file. */
export interface ExportedFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** What an export did; the CLI prints it as `--output json`. */
export interface ExportResult {
  format: ExportFormat;
  out: string;
  rows: number;
  skipped: { aboveMaxLabel: number; duplicates: number };
  /** Spans redacted per entity type (empty with keepPii). */
  piiRedacted: Partial<Record<PiiType, number>>;
  /** Spans found and left in place per entity type (only with keepPii). */
  piiKept: Partial<Record<PiiType, number>>;
  /** Roll-up of the exported rows' labels. */
  banner: string;
  /** The card files: markdown, then JSON. */
  card: string[];
  /** sha256 of the primary export file (the rows file; `corpus.jsonl` for retrieval). */
  sha256: string;
  /** Every data file written, primary first. */
  files: ExportedFile[];
  /** Things the exporter should see (PII kept, nothing exported, stored spans that did not match). */
  warnings: string[];
}
