/**
 * `assay dataset export` core: reads a dataset version under the viewer's clearance, writes one format with PII
 * redacted unless told otherwise, writes the dataset card beside it, records the export in the audit log, and only
 * then moves the files onto their final names.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { AssayError } from '../../errors/index.js';
import { recordAudit } from '../../governance/audit/record-audit.js';
import { buildDatasetCard } from './dataset-card.js';
import { checkExportRole, normalizeMaxLabel } from './check-export-access.js';
import { OpenFiles, type ExportContext } from './export-context.js';
import type { ExportDeps, ExportResult } from './export-deps.js';
import { exportAuditEvent, exportResult, exportWarnings } from './export-outcome.js';
import { planExportPaths, refuseOverwrite, type ExportPaths } from './export-paths.js';
import { ExportRequestSchema, type ExportRequest, type ExportRequestInput } from './export-request.js';
import { ExportTally } from './export-tally.js';
import { EXPORT_WRITERS } from './formats/export-formats.js';
import { PiiRedactor, REDACTION_STEP } from './pii-redactor.js';
import { renderCardMarkdown } from './render-card-markdown.js';
import { TempFile } from './temp-file.js';

/**
 * Exports a dataset version. Throws USAGE (bad request, existing output, --max-label above the clearance), FORBIDDEN
 * (no export role) or NOT_FOUND (no such dataset/version, or none the viewer may read; no QA items for eval/chat).
 * @example
 * const r = await exportDataset({ dataset: 'memos', format: 'jsonl', out: 'memos.jsonl' }, { datasets, viewer, audit });
 * r.banner // roll-up of the exported rows' labels
 */
export async function exportDataset(input: ExportRequestInput, deps: ExportDeps): Promise<ExportResult> {
  const request = parseRequest(input);
  const maxLabel = await checkAccess(request, deps);
  checkFormatOptions(request);
  const info = await deps.datasets.getVersion(deps.viewer, request.dataset, request.version);
  const paths = planExportPaths(request.format, request.out);
  await refuseOverwrite(paths, request.force);

  const tally = new ExportTally();
  const files = new OpenFiles(paths);
  const ctx: ExportContext = {
    request,
    maxLabel,
    deps,
    info,
    tally,
    redactor: new PiiRedactor(request.keepPii, tally),
    paths,
    exportSteps: request.keepPii ? [] : [REDACTION_STEP],
    open: (role) => files.open(role),
    adopt: (role) => files.adopt(role),
  };
  const cards: TempFile[] = [];
  try {
    await EXPORT_WRITERS[request.format](ctx);
    const written = await Promise.all(files.files.map((f) => f.close()));
    const card = buildDatasetCard({
      request,
      maxLabel,
      info,
      tally,
      files: written,
      formats: await sourceFormats(ctx),
      cardDir: path.dirname(paths.card.md),
      createdBy: deps.viewer.id,
      createdAt: (deps.now?.() ?? new Date()).toISOString(),
      warnings: exportWarnings(ctx),
    });
    await writeCard(cards, paths.card.md, renderCardMarkdown(card));
    await writeCard(cards, paths.card.json, `${JSON.stringify(card, null, 2)}\n`);
    // Audited before release: an export that cannot be recorded is not released (AU-5).
    await recordAudit(deps.audit, exportAuditEvent(ctx, card, written, paths));
    for (const f of [...files.files, ...cards]) await f.commit();
    if (request.force) await removeStale(paths, files);
    return exportResult(ctx, card, written, paths);
  } catch (err) {
    await files.discardAll();
    await Promise.all(cards.map((c) => c.discard()));
    throw err;
  }
}

function parseRequest(input: ExportRequestInput): ExportRequest {
  const parsed = ExportRequestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.join('.');
  throw new AssayError('USAGE', `Invalid export request${field ? ` field "${field}"` : ''}: ${issue.message}.`, {
    where: { field },
    hint: 'See `assay dataset export --help`.',
  });
}

/** RBAC then the --max-label check; a refusal is audited as `denied`. */
async function checkAccess(request: ExportRequest, deps: ExportDeps): Promise<string | undefined> {
  try {
    checkExportRole(deps.viewer);
    return request.maxLabel === undefined ? undefined : normalizeMaxLabel(request.maxLabel, deps.viewer);
  } catch (err) {
    if (err instanceof AssayError && (err.code === 'FORBIDDEN' || err.where?.field === 'maxLabel')) {
      await recordAudit(deps.audit, {
        action: 'export',
        outcome: 'denied',
        actor: deps.viewer.id,
        object: { type: 'dataset', id: request.dataset, label: 'UNCLASSIFIED' },
        details: { reason: err.message, format: request.format, maxLabel: request.maxLabel ?? null, viewer: deps.viewer.id, clearance: deps.viewer.clearance },
      });
    }
    throw err;
  }
}

function checkFormatOptions(request: ExportRequest): void {
  if (request.task !== undefined && request.format !== 'chat' && request.format !== 'preference') {
    throw new AssayError('USAGE', `--task applies to --format chat or preference, not ${request.format}.`, { where: { field: 'task' }, hint: 'Leave out --task, or pick one of those formats.' });
  }
  if (request.format === 'preference' && request.task === undefined) {
    throw new AssayError('USAGE', '--format preference needs --task <id> (a pairwise labelling task).', { where: { field: 'task' }, hint: 'Name the labelling task whose preference pairs to export.' });
  }
  if (request.system !== undefined && request.format !== 'chat') {
    throw new AssayError('USAGE', `--system applies to --format chat only.`, { where: { field: 'system' } });
  }
}

/** Format of each source file the export used (by `sha256\0path`), from the version's documents. */
async function sourceFormats(ctx: ExportContext): Promise<Map<string, string>> {
  const formats = new Map<string, string>();
  if (ctx.tally.sources.size === 0) return formats;
  for await (const d of ctx.deps.datasets.documents(ctx.deps.viewer, ctx.info.dataset, ctx.info.version)) {
    const key = `${d.sha256}\0${d.path}`;
    if (ctx.tally.sources.has(key) && !formats.has(key)) formats.set(key, d.format);
  }
  return formats;
}

/** Writes one card file to a temporary file, tracked in `cards` so a failure discards it. */
async function writeCard(cards: TempFile[], target: string, text: string): Promise<void> {
  const file = await TempFile.create(target);
  cards.push(file);
  await file.write(text);
  await file.close();
}

/** With --force, planned files this export did not produce (e.g. old retrieval queries) would be stale: remove them. */
async function removeStale(paths: ExportPaths, files: OpenFiles): Promise<void> {
  const produced = new Set(files.files.map((f) => f.target));
  for (const file of Object.values(paths.data)) if (!produced.has(file)) await rm(file, { force: true });
}
