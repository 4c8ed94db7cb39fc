/** Export of a run's data (run, sample results with transcripts, metrics) as one JSON document under its banner. */
import { readRunFor, type LabelledRun, type RunAccessOptions } from '../governance/access/runs/index.js';
import type { User } from '../governance/identity/user.js';
import type { MetricRecord, SampleResultRecord } from '../store/records.js';
import type { Store } from '../store/store.js';

/** The exported document; `classification` is the run's effective label and comes first. */
export interface RunExport {
  classification: string;
  run: Omit<LabelledRun, 'declaredLabel'> & { taskLabel: string };
  results: SampleResultRecord[];
  metrics: MetricRecord[];
}

/**
 * The export of `runId` for `viewer`: needs a role that may export (FORBIDDEN, decided before any lookup) and a
 * clearance over the run's effective label (NOT_FOUND otherwise, as for a missing id). Audited as `export`.
 * @example const doc = await exportRunFor(me, store, 'r-1', { audit }); writeFileSync(out, JSON.stringify(doc));
 */
export async function exportRunFor(viewer: User, store: Store, runId: string, options: RunAccessOptions = {}): Promise<RunExport> {
  const { run, results, metrics } = await readRunFor(viewer, store, runId, { ...options, verb: options.verb ?? 'export', action: 'export' });
  const { declaredLabel, ...rest } = run;
  return { classification: run.label, run: { ...rest, taskLabel: declaredLabel }, results, metrics };
}
