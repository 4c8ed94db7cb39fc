/** Loads a run from the store and writes its report to a file (atomically). */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { reportsDir } from '../config/paths.js';
import { AssayError } from '../errors/index.js';
import type { AuditLog } from '../governance/audit/audit-log.js';
import { recordAudit } from '../governance/audit/record-audit.js';
import type { Store } from '../store/store.js';
import { REPORT_EXTENSIONS, renderReport, type ReportFormat } from './index.js';

export async function writeRunReport(args: { store: Store; runId: string; format: ReportFormat; out?: string; audit?: AuditLog }): Promise<{ path: string; bytes: number }> {
  const run = await args.store.getRun(args.runId);
  if (!run) throw new AssayError('NOT_FOUND', `There is no run "${args.runId}".`, { hint: 'List runs with `assay runs`.' });
  const [results, metrics] = await Promise.all([args.store.listSampleResults(run.id), args.store.listMetrics(run.id)]);
  const text = renderReport({ run, results, metrics, generatedAt: new Date().toISOString() }, args.format);
  const file = path.resolve(args.out ?? path.join(reportsDir(), `${run.id}${REPORT_EXTENSIONS[args.format]}`));
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text, 'utf8');
  await rename(tmp, file);
  await recordAudit(args.audit, { action: 'report.write', object: { type: 'run', id: run.id, label: run.label }, details: { format: args.format, path: file, bytes: Buffer.byteLength(text) } });
  return { path: file, bytes: Buffer.byteLength(text) };
}
