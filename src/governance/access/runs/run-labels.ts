/** A run's effective label: the roll-up of the run's own (task) label and every sample label stored under it. */
import { KyselyStore } from '../../../store/kysely-store.js';
import type { RunRecord } from '../../../store/records.js';
import type { Store, StoreCallOptions } from '../../../store/store.js';
import type { User } from '../../identity/user.js';
import { canRead } from '../can-read.js';
import { derivedLabel } from '../derived-label.js';

/** The labels a run is made of: its own first, then each distinct sample label. */
export type RunLabelInputs = readonly string[];

/**
 * The banner of a run made of `inputs`. When the markings cannot be rolled up into one banner (e.g. NATO ATOMAL
 * beside a US SCI label) the inputs are shown joined with ` + ` rather than dropping one (that would write down);
 * access is decided on the inputs themselves by `canReadAll`.
 * @example effectiveLabel(['SECRET', 'TOP SECRET//SI']) // 'TOP SECRET//SI'
 */
export function effectiveLabel(inputs: RunLabelInputs): string {
  try {
    return derivedLabel(inputs);
  } catch {
    return [...new Set(inputs)].join(' + ');
  }
}

/** True when `viewer` may read every input (and so the run): no read up on any part. */
export function canReadAll(viewer: Pick<User, 'clearance' | 'disabled'>, inputs: RunLabelInputs): boolean {
  return inputs.length > 0 && inputs.every((l) => canRead(viewer, l));
}

/**
 * Run id → its label inputs, for the given runs, read with one grouped query (distinct sample labels per run).
 * A Store that is not SQL falls back to reading each run's sample results.
 */
export async function runLabelInputs(store: Store, runs: readonly Pick<RunRecord, 'id' | 'label'>[], options?: StoreCallOptions): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(runs.map((r) => [r.id, [r.label]]));
  if (runs.length === 0) return out;
  const add = (runId: string, label: string) => {
    const list = out.get(runId);
    if (list && !list.includes(label)) list.push(label);
  };
  if (store instanceof KyselyStore) {
    for (const ids of chunks(runs.map((r) => r.id), 500)) {
      const rows = await store.db.selectFrom('sample_results').select(['run_id', 'label']).distinct().where('run_id', 'in', ids).execute();
      for (const row of rows) add(row.run_id, row.label);
    }
    return out;
  }
  for (const run of runs) for (const s of await store.listSampleResults(run.id, options)) add(run.id, s.label);
  return out;
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
