/**
 * The dataset card written beside every export (`<out>.card.json`, rendered as `<out>.card.md`): what was exported,
 * from where, at what label, with which PII and dedup treatment. Its banner is the roll-up of the exported rows.
 */
import path from 'node:path';
import { ASSAY_VERSION } from '../../version.js';
import { describeLsh } from '../dedup/index.js';
import { dominates } from '../../markings/index.js';
import type { DatasetVersionInfo } from '../dataset/dataset-types.js';
import { PII_DETECTOR_VERSION, type PiiType } from '../pii/index.js';
import type { ExportedFile } from './export-deps.js';
import type { ExportRequest } from './export-request.js';
import type { ExportTally } from './export-tally.js';

export const CARD_SCHEMA = 'assay.dataset-card/1';

/** Jaccard similarities the card states the near-dedup match probability for (plus the configured threshold). */
const CARD_JACCARDS = [0.5, 0.7, 0.8, 0.9, 0.95];

/** One source file that contributed rows. */
export interface CardSource {
  path: string;
  sha256: string;
  format: string | null;
  documents: number;
  rows: number;
}

/** The card's content (the JSON file is exactly this). */
export interface DatasetCard {
  schema: typeof CARD_SCHEMA;
  banner: string;
  dataset: string;
  version: number;
  digest: string;
  /**
   * Label of the whole version (the roll-up over every chunk, exported or not); null when the export's banner does not
   * dominate it (a --max-label subset), so the card says nothing above its own banner.
   */
  versionLabel: string | null;
  versionCreated: { by: string; at: string };
  created: { by: string; at: string };
  tool: { name: 'assay'; version: string };
  export: {
    format: ExportRequest['format'];
    /** Paths relative to the card's folder. */
    files: ExportedFile[];
    sha256: string;
    options: { maxLabel: string | null; includeDuplicates: boolean; keepPii: boolean; task: string | null };
  };
  sources: CardSource[];
  counts: {
    version: { files: number; documents: number; chunks: number; errors: number };
    visibleChunks: number;
    exported: { rows: number; files: number; documents: number; queries: number; qrels: number };
    skipped: { aboveMaxLabel: number; duplicates: number; queriesWithoutCorpus: number };
  };
  labels: { rollup: string; counts: Record<string, number> };
  pii: {
    mode: 'redacted' | 'kept';
    detector: string;
    counts: Partial<Record<PiiType, number>>;
    total: number;
    staleSpans: number;
    unconfirmedSpans: number;
  };
  dedup: {
    exact: number;
    near: number;
    duplicatesExported: boolean;
    minhash: DatasetVersionInfo['stats']['nearDedup'];
    matchProbability: Array<{ jaccard: number; probability: number }>;
    statement: string;
  };
  warnings: string[];
}

/** Inputs of `buildDatasetCard`. */
export interface CardInput {
  request: ExportRequest;
  maxLabel: string | undefined;
  info: DatasetVersionInfo;
  tally: ExportTally;
  files: readonly ExportedFile[];
  /** Format of each source file, keyed by `sha256\0path`. */
  formats: ReadonlyMap<string, string>;
  cardDir: string;
  createdBy: string;
  createdAt: string;
  warnings: string[];
}

/**
 * Builds the card from the export's tally: every count in it comes from the rows actually written.
 * @example const card = buildDatasetCard({ request, maxLabel, info, tally, files, formats, cardDir, createdBy, createdAt, warnings: [] });
 */
export function buildDatasetCard(input: CardInput): DatasetCard {
  const { request, info, tally } = input;
  const banner = tally.banner();
  const piiCounts = tally.piiCounts();
  const sources = [...tally.sources.entries()]
    .map(([key, s]): CardSource => ({ path: s.path, sha256: s.sha256, format: input.formats.get(key) ?? null, documents: s.documentIds.size, rows: s.rows }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.sha256.localeCompare(b.sha256));
  return {
    schema: CARD_SCHEMA,
    banner,
    dataset: info.dataset,
    version: info.version,
    digest: info.digest,
    versionLabel: dominates(banner, info.label) ? info.label : null,
    versionCreated: { by: info.createdBy, at: info.createdAt },
    created: { by: input.createdBy, at: input.createdAt },
    tool: { name: 'assay', version: ASSAY_VERSION },
    export: {
      format: request.format,
      files: input.files.map((f) => ({ ...f, path: path.relative(input.cardDir, f.path) || path.basename(f.path) })),
      sha256: input.files[0]?.sha256 ?? '',
      options: { maxLabel: input.maxLabel ?? null, includeDuplicates: request.includeDuplicates, keepPii: request.keepPii, task: request.task ?? null },
    },
    sources,
    counts: {
      version: { files: info.stats.files, documents: info.stats.documents, chunks: info.stats.chunks, errors: info.stats.errors },
      visibleChunks: tally.visibleChunks,
      exported: { rows: tally.rows, files: sources.length, documents: tally.documents.size, queries: tally.queries, qrels: tally.qrels },
      skipped: { aboveMaxLabel: tally.skipped.aboveMaxLabel, duplicates: tally.skipped.duplicates, queriesWithoutCorpus: tally.droppedQueries },
    },
    labels: { rollup: banner, counts: tally.labelCounts() },
    pii: {
      mode: request.keepPii ? 'kept' : 'redacted',
      detector: PII_DETECTOR_VERSION,
      counts: piiCounts,
      total: Object.values(piiCounts).reduce((a, b) => a + (b ?? 0), 0),
      staleSpans: tally.staleSpans,
      unconfirmedSpans: tally.unconfirmedSpans,
    },
    dedup: dedupSection(info, request.includeDuplicates),
    warnings: input.warnings,
  };
}

/** Dedup counts and what the MinHash-LSH banding finds: P(candidate | Jaccard s) = 1 − (1 − s^r)^b. */
function dedupSection(info: DatasetVersionInfo, duplicatesExported: boolean): DatasetCard['dedup'] {
  const p = info.stats.nearDedup;
  const points = [...new Set([...CARD_JACCARDS, p.threshold])].filter((s) => s > 0 && s <= 1).sort((a, b) => a - b);
  const lsh = describeLsh(p.bands, p.rows, points);
  const at = lsh.curve.find((c) => c.s === p.threshold) ?? lsh.curve.at(-1)!;
  const statement =
    `MinHash with ${p.numPerm} permutations over word ${p.shingle}-shingles, LSH ${p.bands} bands × ${p.rows} rows ` +
    `(S-curve threshold ≈ ${lsh.threshold.toFixed(2)}, configured ${p.threshold}): ` +
    `pairs at Jaccard ${at.s} are found with probability ${at.p.toFixed(2)}.`;
  return {
    exact: info.stats.duplicates.exact,
    near: info.stats.duplicates.near,
    duplicatesExported,
    minhash: p,
    matchProbability: lsh.curve.map((c) => ({ jaccard: c.s, probability: Number(c.p.toFixed(4)) })),
    statement,
  };
}
