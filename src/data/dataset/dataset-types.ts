/**
 * The records of an ingested, versioned dataset as its readers see them (ingest writes them; export, labelling and
 * synth read them through `DatasetReader`). Every record carries its label; every read takes the viewer and returns only
 * what the viewer's clearance dominates (src/governance/access canRead), so nothing above a clearance is visible.
 */
import type { User } from '../../governance/identity/user.js';
import type { PiiType } from '../pii/index.js';

/** Where a chunk came from: file, element(s), page and character offsets, and every transformation applied. */
export interface ChunkLineage {
  source: { path: string; sha256: string };
  /** Ids of the elements the chunk was made of, in order. */
  elementIds: string[];
  /** First page of the chunk (PDF, DOCX page breaks), when known. */
  page?: number;
  /** Character range in the document's extracted text. */
  charStart: number;
  charEnd: number;
  /** Ordered steps, e.g. `parse:pdf@pdfjs-5.6.205`, `clean:normalize`, `pii:analyze@<version>`, `chunk:by_title(max=1500,overlap=0)`. */
  transformations: string[];
}

/** One chunk of a dataset version. `text` is the clean, NOT redacted text (exports redact unless told otherwise). */
export interface ChunkRecord {
  /** Content-addressed: sha256 of the chunk's canonical content (text, label, lineage), 64 hex digits. */
  id: string;
  documentId: string;
  text: string;
  /** Normalised banner-form marking: the roll-up of the chunk's elements' portion marks (UNCLASSIFIED when unmarked). */
  label: string;
  /** Portion marks of the chunk's elements, in order (for consumers who filter to a releasable subset). */
  portionMarks: string[];
  tokenCount: number;
  /** PII found: entity types (deduplicated, sorted) and spans with offsets into `text`. */
  pii: { types: PiiType[]; spans: Array<{ type: PiiType; start: number; end: number; score: number }> };
  /** `exact:<chunk id>` or `near:<chunk id>` when this chunk duplicates another kept one; undefined for the kept copy. */
  duplicateOf?: string;
  lineage: ChunkLineage;
  metadata: Record<string, string>;
}

/** One immutable, content-addressed snapshot of a dataset. */
export interface DatasetVersionInfo {
  dataset: string;
  /** 1, 2, 3… per dataset. */
  version: number;
  /** sha256 over the sorted chunk ids (the snapshot's address). */
  digest: string;
  createdAt: string;
  createdBy: string;
  /** Roll-up of every chunk label in the version. */
  label: string;
  stats: {
    /** Top-level files (documents without a parent). */
    files: number;
    /** Files and the files embedded in them (attachments, archive members, mbox messages). */
    documents: number;
    /** Every chunk of the version, duplicates included (kept = chunks - duplicates.exact - duplicates.near). */
    chunks: number;
    /** Files the ingest that made this version could not read. */
    errors: number;
    duplicates: { exact: number; near: number };
    piiTypes: Partial<Record<PiiType, number>>;
    /** Dedup parameters, so the card can report them. */
    nearDedup: { numPerm: number; bands: number; rows: number; threshold: number; shingle: number };
  };
}

/** What readers of datasets call; implemented over the Store's database by the ingest module. */
export interface DatasetReader {
  listDatasets(viewer: User): Promise<Array<{ name: string; latestVersion: number; label: string }>>;
  /** Throws AssayError NOT_FOUND when the dataset or version does not exist OR the viewer may not read it (same message). */
  getVersion(viewer: User, dataset: string, version?: number): Promise<DatasetVersionInfo>;
  /** The chunks of a version the viewer may read, in a stable order; `includeDuplicates` defaults to false. */
  chunks(viewer: User, dataset: string, version?: number, options?: { includeDuplicates?: boolean }): AsyncIterable<ChunkRecord>;
  /** The ingested documents of a version (one per file or embedded file) the viewer may read. */
  documents(viewer: User, dataset: string, version?: number): AsyncIterable<{ id: string; path: string; sha256: string; format: string; label: string; properties: Record<string, string> }>;
}

/** A question–answer item written from a chunk by `assay dataset synth`, kept only after its filters passed. */
export interface QaItem {
  id: string;
  question: string;
  answer: string;
  /** Chunk ids the answer is grounded in. */
  citations: string[];
  /** Roll-up of the cited chunks' labels. */
  label: string;
  source: { path: string; sha256: string; page?: number };
  /** Which filters it passed and the models used, for the dataset card. */
  metadata: Record<string, string>;
}

/** Reads the kept synth items of a dataset version (implemented by src/data/synth). */
export interface QaItemReader {
  qaItems(viewer: User, dataset: string, version?: number): AsyncIterable<QaItem>;
}

/** A preference pair from a pairwise-preference labelling task's consensus. */
export interface PreferencePair {
  id: string;
  prompt: string;
  chosen: string;
  rejected: string;
  label: string;
  annotators: string[];
}

/** A prompt with a human-written response (free-text labelling task consensus). */
export interface WrittenResponse {
  id: string;
  prompt: string;
  response: string;
  label: string;
  annotators: string[];
}

/** Reads consensus results of labelling tasks (implemented by src/data/label). */
export interface LabelResultsReader {
  preferencePairs(viewer: User, taskId: string): AsyncIterable<PreferencePair>;
  writtenResponses(viewer: User, taskId: string): AsyncIterable<WrittenResponse>;
}
