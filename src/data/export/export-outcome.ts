/** What an export reports: warnings for the exporter, the audit event, and the result the faces print. */
import path from 'node:path';
import type { AuditEvent } from '../../governance/audit/audit-entry.js';
import type { DatasetCard } from './dataset-card.js';
import type { ExportContext } from './export-context.js';
import type { ExportedFile, ExportResult } from './export-deps.js';
import type { ExportPaths } from './export-paths.js';

/** What the exporter should be told: PII kept, nothing exported, stored spans that did not fit, queries left out. */
export function exportWarnings(ctx: ExportContext): string[] {
  const out: string[] = [];
  const t = ctx.tally;
  if (ctx.request.keepPii) out.push(`PII was kept (--keep-pii): ${[...t.pii.values()].reduce((a, b) => a + b, 0)} spans exported as found; the export is recorded in the audit log.`);
  if (t.rows === 0) out.push('No rows were exported.');
  if (t.staleSpans > 0) out.push(`${t.staleSpans} stored PII spans lay outside their chunk's text and were ignored (the text was re-analysed).`);
  if (t.unconfirmedSpans > 0) out.push(`${t.unconfirmedSpans} stored PII spans were not found again by re-analysis; they were ${ctx.request.keepPii ? 'counted' : 'redacted'} all the same.`);
  if (t.droppedQueries > 0) out.push(`${t.droppedQueries} queries were left out: none of the chunks they cite was exported.`);
  return out;
}

/** The `export` audit entry: who, what (dataset, version, digest, format, options), how many rows, and the file hashes. */
export function exportAuditEvent(ctx: ExportContext, card: DatasetCard, written: readonly ExportedFile[], paths: ExportPaths): AuditEvent {
  const { info, request, deps, tally } = ctx;
  return {
    action: 'export',
    actor: deps.viewer.id,
    object: { type: 'dataset', id: `${info.dataset}@${info.version}`, label: card.banner },
    details: {
      dataset: info.dataset,
      version: info.version,
      digest: info.digest,
      format: request.format,
      viewer: deps.viewer.id,
      clearance: deps.viewer.clearance,
      rows: tally.rows,
      keepPii: request.keepPii,
      pii: tally.piiCounts(),
      maxLabel: ctx.maxLabel ?? null,
      includeDuplicates: request.includeDuplicates,
      task: request.task ?? null,
      skipped: { ...tally.skipped },
      sha256: card.export.sha256,
      files: written.map((f) => ({ ...f })),
      card: [paths.card.md, paths.card.json],
    },
  };
}

/** The result `--output json` prints. */
export function exportResult(ctx: ExportContext, card: DatasetCard, written: readonly ExportedFile[], paths: ExportPaths): ExportResult {
  const counts = ctx.tally.piiCounts();
  return {
    format: ctx.request.format,
    out: path.resolve(ctx.request.out),
    rows: ctx.tally.rows,
    skipped: { ...ctx.tally.skipped },
    piiRedacted: ctx.request.keepPii ? {} : counts,
    piiKept: ctx.request.keepPii ? counts : {},
    banner: card.banner,
    card: [paths.card.md, paths.card.json],
    sha256: card.export.sha256,
    files: written.map((f) => ({ ...f })),
    warnings: card.warnings,
  };
}
