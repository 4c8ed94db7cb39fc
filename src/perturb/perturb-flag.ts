/** `assay eval --perturb typos,casing`: adds perturbations to a task, with the robustness metrics switched on. */
import { AssayError } from '../errors/index.js';
import type { CustomMetricName } from '../eval/custom-metrics.js';
import type { TaskSpec } from '../task/task-spec.js';
import { isPerturbationName, PERTURBATION_NAMES, type PerturbationName } from './names.js';

/** The robustness metrics the flag turns on (see CUSTOM_METRICS). */
export const PERTURB_FLAG_METRICS = ['perturbation_accuracy', 'worst_case_robustness'] as const satisfies readonly CustomMetricName[];

/** Parses `typos,casing` into perturbation names; an unknown name is USAGE naming the choices. */
export function parsePerturbList(list: string): PerturbationName[] {
  const names = list.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const unknown = names.filter((n) => !isPerturbationName(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new AssayError('USAGE', unknown.length > 0 ? `Unknown perturbation "${unknown.join('", "')}".` : '--perturb needs at least one perturbation name.', {
      hint: `Use a comma-separated list of: ${PERTURBATION_NAMES.join(', ')}.`,
    });
  }
  return names.filter(isPerturbationName);
}

/**
 * The task with `names` added to its perturbations (keeping its seed and rate), the perturbation_accuracy and
 * worst_case_robustness metrics on, and `original_id` as the cluster key when the task names none (an item
 * and its variants are not independent).
 * @example withPerturbations(task, parsePerturbList('typos,casing'))
 */
export function withPerturbations(task: TaskSpec, names: readonly PerturbationName[]): TaskSpec {
  const current = task.perturbations;
  return {
    ...task,
    perturbations: { names: [...new Set([...(current?.names ?? []), ...names])], seed: current?.seed ?? 0, rate: current?.rate ?? 0.1 },
    metrics: {
      ...task.metrics,
      custom: [...new Set([...task.metrics.custom, ...PERTURB_FLAG_METRICS])],
      cluster: task.metrics.cluster ?? 'original_id',
    },
  };
}
