/** Reads a run as `viewer` through the access core and renders its report: the one path for the CLI and the API. */
import { readRunFor, type LabelledRun } from '../governance/access/runs/index.js';
import type { AuditLog } from '../governance/audit/audit-log.js';
import type { User } from '../governance/identity/user.js';
import type { Store } from '../store/store.js';
import { renderReport, type ReportFormat } from './index.js';

export interface RenderRunReportOptions {
  audit?: AuditLog;
  /** Recorded with the read: `report`, `api.report`, … */
  verb: string;
  /** `export` when the report leaves Assay's keeping as plaintext (needs a role that may export). */
  action: 'read' | 'export';
  now?: () => Date;
}

/**
 * The rendered report and the run as the viewer sees it (label = effective label, the banner); NOT_FOUND exactly as for
 * a missing id when the viewer's clearance does not dominate the run.
 * @example const { text, run } = await renderRunReportFor(me, store, id, 'md', { verb: 'report', action: 'read', audit });
 */
export async function renderRunReportFor(viewer: User, store: Store, runId: string, format: ReportFormat, options: RenderRunReportOptions): Promise<{ text: string; run: LabelledRun }> {
  const { run, results, metrics } = await readRunFor(viewer, store, runId, { audit: options.audit, verb: options.verb, action: options.action });
  const text = renderReport({ run, results, metrics, generatedAt: (options.now ?? (() => new Date()))().toISOString() }, format);
  return { text, run };
}
