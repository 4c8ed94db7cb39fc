/** The ingest pipeline: expand paths, then per file detect → parse → label → clean → chunk → PII → store; then version. */
import { randomUUID } from 'node:crypto';
import { AssayError } from '../../errors/index.js';
import { canRead } from '../../governance/access/can-read.js';
import { requireRole } from '../../governance/access/require-role.js';
import type { AuditLog } from '../../governance/audit/audit-log.js';
import { recordAudit } from '../../governance/audit/record-audit.js';
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import type { User } from '../../governance/identity/user.js';
import { toStoreFailure } from '../../store/store-failure.js';
import { datasetDb, type DatasetDb } from '../dataset/dataset-tables.js';
import { storeDb, type DatabaseSource } from '../dataset/store-db.js';
import { detectFormat } from '../parse/detect-format.js';
import { PARSERS, releaseParsers } from '../parse/registry.js';
import { MAX_ARCHIVE_DEPTH } from '../parse/zip/index.js';
import { createVersion } from './create-version.js';
import { expandPaths } from './expand-paths.js';
import { parseIngestOptions, type IngestOptions, type IngestOptionsInput } from './ingest-options.js';
import type { IngestSummary } from './ingest-summary.js';
import { ingestFile, type BatchState } from './ingest-file.js';
import type { ParseDeps } from './process-document.js';

/** What ingest needs from the rest of Assay. */
export interface IngestDeps {
  /** The store (from openStore) or its `db`. */
  db: DatabaseSource;
  /** Seals chunk text and document properties at rest. */
  cipher: FieldCipher;
  /** Who ingests (recorded as creator; may not write into a dataset above their clearance). */
  actor: User;
  audit?: AuditLog;
  /** Format detection and parsers; default the registry. */
  parse?: ParseDeps;
  /** Folder relative paths are resolved and shown against; default `process.cwd()`. */
  cwd?: string;
  now?: () => Date;
  signal?: AbortSignal;
  /** Called after each input file. */
  onFile?: (event: { path: string; status: 'stored' | 'skipped' | 'error'; index: number; total: number }) => void;
}

/** The default: every registered parser and the shared detector. */
export const DEFAULT_PARSE_DEPS: ParseDeps = { parsers: PARSERS, detect: detectFormat };

async function checkWritable(db: DatasetDb, dataset: string, deps: IngestDeps): Promise<void> {
  const { actor } = deps;
  // RBAC first (AC-3(7)): a role that may not ingest is refused before the dataset is even looked up.
  requireRole(actor, 'data.ingest');
  const row = await db
    .selectFrom('ds_datasets')
    .select(['label'])
    .where('name', '=', dataset)
    .executeTakeFirst()
    .catch((err: unknown) => Promise.reject(toStoreFailure(`read dataset ${dataset}`, err)));
  if (row && !canRead(actor, row.label)) {
    await recordAudit(deps.audit, { action: 'data.ingest', outcome: 'denied', object: { type: 'dataset', id: dataset, label: row.label }, details: { reason: 'clearance' } });
    // The name is taken, so refusing reveals that it exists; nothing else about it is shown.
    throw new AssayError('FORBIDDEN', `Dataset "${dataset}" cannot be written by ${actor.id}.`, { hint: 'Choose another dataset name.' });
  }
}

/**
 * Ingests files into a dataset. Bad files never stop the batch: each becomes an error record (ds_errors) and an
 * entry in `errors`. Each input file (with everything embedded in it) is stored in one transaction; a file already
 * stored unchanged is skipped. When the dataset's documents changed, a new version is created.
 * Throws USAGE for bad options or missing paths, STORE_FAILURE when the database fails, ABORTED on the signal.
 * @example const summary = await ingest({ paths: ['docs'], dataset: 'memos' }, { db: store.db, cipher, actor });
 */
export async function ingest(input: IngestOptionsInput, deps: IngestDeps): Promise<IngestSummary> {
  try {
    return await runIngest(input, deps);
  } finally {
    await releaseParsers();
  }
}

async function runIngest(input: IngestOptionsInput, deps: IngestDeps): Promise<IngestSummary> {
  const started = performance.now();
  const options: IngestOptions = parseIngestOptions(input);
  const now = deps.now ?? (() => new Date());
  const cwd = deps.cwd ?? process.cwd();
  const files = await expandPaths(options.paths, cwd);
  const db = datasetDb(storeDb(deps.db));
  const dataset = options.dataset;
  await checkWritable(db, dataset, deps);

  const ingestId = randomUUID();
  const { recordSchema: _schema, ...args } = options;
  await db
    .insertInto('ds_ingests')
    .values({ id: ingestId, dataset, created_by: deps.actor.id, started_at: now().toISOString(), finished_at: null, args: JSON.stringify(args), summary: null })
    .execute()
    .catch((err: unknown) => {
      throw toStoreFailure(`record ingest into ${dataset}`, err);
    });

  const parse = deps.parse ?? DEFAULT_PARSE_DEPS;
  const ctx = { dataset, options, deps: parse, maxDepth: MAX_ARCHIVE_DEPTH, ...(deps.signal ? { signal: deps.signal } : {}) };
  const save = { db, cipher: deps.cipher, dataset, ingestId, now, errorLabel: options.unmarkedLabel };
  const summary: IngestSummary = {
    dataset, ingestId, version: null, versionCreated: false, label: null,
    files: files.length, documents: 0, chunks: 0, skipped: 0, units: 0, bytes: 0, warnings: 0, errors: [], duplicates: { exact: 0, near: 0 }, seconds: 0,
  };
  const state: BatchState = { summary, inputIds: [], newIds: new Set() };
  for (const [index, file] of files.entries()) {
    if (deps.signal?.aborted) throw new AssayError('ABORTED', `Ingest cancelled after ${index} of ${files.length} files.`);
    const status = await ingestFile(file, ctx, save, state);
    deps.onFile?.({ path: file.display, status, index, total: files.length });
  }

  const outcome = await createVersion({ db, cipher: deps.cipher, dataset, ingestId, createdBy: deps.actor.id, now, inputDocumentIds: state.inputIds, newDocumentIds: state.newIds, errors: summary.errors.length });
  if (outcome) {
    Object.assign(summary, { version: outcome.info.version, versionCreated: true, label: outcome.info.label, duplicates: outcome.newDuplicates });
  } else {
    const latest = await db.selectFrom('ds_versions').select(['version', 'label']).where('dataset', '=', dataset).orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (latest) Object.assign(summary, { version: latest.version, label: latest.label });
  }
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  await finish(db, deps, summary, now, options.unmarkedLabel);
  return summary;
}

async function finish(db: DatasetDb, deps: IngestDeps, summary: IngestSummary, now: () => Date, unmarkedLabel: string): Promise<void> {
  // The ingest record names files of the dataset, so it carries the dataset's high-water label.
  const dataset = await db.selectFrom('ds_datasets').select(['label']).where('name', '=', summary.dataset).executeTakeFirst().catch(() => undefined);
  const label = dataset?.label ?? summary.label ?? unmarkedLabel;
  await db
    .updateTable('ds_ingests')
    .set({ finished_at: now().toISOString(), summary: JSON.stringify(summary), label })
    .where('id', '=', summary.ingestId)
    .execute()
    .catch((err: unknown) => {
      throw toStoreFailure(`record ingest ${summary.ingestId}`, err);
    });
  await recordAudit(deps.audit, {
    action: 'data.ingest',
    object: { type: 'dataset', id: summary.dataset, label },
    details: {
      ingestId: summary.ingestId, files: summary.files, documents: summary.documents, chunks: summary.chunks, skipped: summary.skipped,
      errors: summary.errors.length, version: summary.version, versionCreated: summary.versionCreated,
    },
  });
}
