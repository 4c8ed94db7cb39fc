/** Paired comparison of two runs on the same samples: per-sample differences with standard error and interval. */
import { AssayError } from '../errors/index.js';
import type { User } from '../governance/identity/user.js';
import { derivedLabel } from '../governance/access/derived-label.js';
import { readRunFor, runNotFound, type RunAccessOptions } from '../governance/access/runs/index.js';
import { pairedDifference } from '../stats/index.js';
import type { RunRecord, SampleResultRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import type { TaskSpec } from '../task/task-spec.js';
import { groupBySample, reducedScores } from './run-metrics.js';

export interface Comparison {
  scorer: string;
  n: number;
  meanA: number | null;
  meanB: number | null;
  /** meanB − meanA: positive when run B scores higher. */
  diff: number | null;
  stderr: number | null;
  ci: [number, number] | null;
  correlation: number | null;
  /** Samples only in one run, or errored in either: left out of the pairing. */
  unpaired: number;
}

export interface CompareResult {
  runA: string;
  runB: string;
  comparisons: Comparison[];
}

/** A comparison as a viewer gets it: labelled with the roll-up of both runs' labels (no write down). */
export interface LabelledCompareResult extends CompareResult {
  label: string;
}

/**
 * Compares two runs the viewer may read (each NOT_FOUND otherwise, exactly as a missing id; both reads audited).
 * The result carries the roll-up of the two runs' effective labels.
 * @example const c = await compareRunsFor(me, store, 'run-a', 'run-b', { audit }); c.label // banner for the output
 */
export async function compareRunsFor(viewer: User, store: Store, runA: string, runB: string, options: RunAccessOptions = {}): Promise<LabelledCompareResult> {
  // One after the other, so the first unreadable id is the one named, whatever the other is.
  const a = await readRunFor(viewer, store, runA, { ...options, verb: 'compare' });
  const b = await readRunFor(viewer, store, runB, { ...options, verb: 'compare' });
  return { ...compareLoaded(runA, runB, prepare(a.run, a.results), prepare(b.run, b.results)), label: derivedLabel([a.run.label, b.run.label]) };
}

/**
 * Compares every scorer the two runs share, pairing samples by id (epochs reduced per each run's reducer).
 * Unchecked: for trusted in-process callers at system high; faces use `compareRunsFor`.
 */
export async function compareRuns(store: Store, runA: string, runB: string): Promise<CompareResult> {
  const [a, b] = await Promise.all([load(store, runA), load(store, runB)]);
  return compareLoaded(runA, runB, a, b);
}

function compareLoaded(runA: string, runB: string, a: Prepared, b: Prepared): CompareResult {
  const scorers = [...a.scorers].filter((s) => b.scorers.has(s));
  if (scorers.length === 0) {
    throw new AssayError('USAGE', `Runs ${runA} and ${runB} share no scorer, so there is nothing to compare.`, { hint: 'Compare two runs of the same task.' });
  }
  const comparisons: Comparison[] = [];
  for (const scorer of scorers) {
    const va = a.values(scorer);
    const vb = b.values(scorer);
    const ids = [...va.keys()].filter((id) => vb.has(id)).sort();
    const xs = ids.map((id) => va.get(id)!);
    const ys = ids.map((id) => vb.get(id)!);
    const unpaired = new Set([...va.keys(), ...vb.keys()]).size - ids.length;
    if (ids.length === 0) {
      comparisons.push({ scorer, n: 0, meanA: null, meanB: null, diff: null, stderr: null, ci: null, correlation: null, unpaired });
      continue;
    }
    // pairedDifference gives A − B; report B − A ("how much better is the new run").
    const p = pairedDifference(ys, xs);
    comparisons.push({ scorer, n: p.n, meanA: p.meanB, meanB: p.meanA, diff: p.diff, stderr: p.stderr, ci: p.ci, correlation: p.correlation, unpaired });
  }
  return { runA, runB, comparisons };
}

type Prepared = ReturnType<typeof prepare>;

async function load(store: Store, runId: string): Promise<Prepared> {
  const run = await store.getRun(runId);
  if (!run) throw runNotFound(runId);
  return prepare(run, await store.listSampleResults(runId));
}

function prepare(run: RunRecord, results: SampleResultRecord[]) {
  const task = (run.config as { task?: TaskSpec }).task;
  const epochs = task?.epochs ?? { count: 1, reducer: 'mean' as const };
  const bySample = groupBySample(results);
  const scorers = new Set(results.flatMap((r) => r.scores.map((s) => s.scorer)));
  return {
    scorers,
    values: (scorer: string): Map<string, number> => new Map(reducedScores(bySample, scorer, epochs).map((r) => [r.sampleId, r.reduced])),
  };
}
