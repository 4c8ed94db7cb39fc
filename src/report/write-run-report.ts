/**
 * Loads a run the viewer may read and writes its report (atomically), banner = the run's effective label: sealed under
 * $ASSAY_HOME/reports when no `out` is given, plaintext at `out` (an audited export) when one is.
 */
import type { AuditLog } from '../governance/audit/audit-log.js';
import { recordAudit } from '../governance/audit/record-audit.js';
import type { User } from '../governance/identity/user.js';
import type { Store } from '../store/store.js';
import { REPORT_EXTENSIONS, type ReportFormat } from './index.js';
import { renderRunReportFor } from './render-run-report.js';
import { storeReport } from './store-report.js';

/**
 * Writes the report of `runId` as `viewer`: NOT_FOUND (exactly as for a missing id) when the viewer's clearance does
 * not dominate the run's effective label (the roll-up of its own and its samples' labels), which is also the banner.
 * @example await writeRunReport({ store, runId, format: 'html', viewer: await currentUser(), audit });
 */
export async function writeRunReport(args: { store: Store; runId: string; format: ReportFormat; out?: string; audit?: AuditLog; viewer: User }): Promise<{ path: string; bytes: number; label: string; sealed: boolean }> {
  const { text, run } = await renderRunReportFor(args.viewer, args.store, args.runId, args.format, { audit: args.audit, verb: 'report', action: 'read' });
  // Kept by Assay: sealed under $ASSAY_HOME/reports; to a path the user named (--out): plaintext, audited as an export.
  const { path: file, sealed } = await storeReport({ text, name: `${run.id}${REPORT_EXTENSIONS[args.format]}`, out: args.out, cipher: args.store.cipher });
  await recordAudit(args.audit, { action: 'report.write', actor: args.viewer.id, object: { type: 'run', id: run.id, label: run.label }, details: { format: args.format, path: file, bytes: Buffer.byteLength(text), sealed } });
  if (!sealed) await recordAudit(args.audit, { action: 'export', actor: args.viewer.id, object: { type: 'run', id: run.id, label: run.label }, details: { what: 'report', format: args.format, path: file, bytes: Buffer.byteLength(text) } });
  return { path: file, bytes: Buffer.byteLength(text), label: run.label, sealed };
}
