/** The safety scorers benchmark tasks name by type (`refusal`, `strongreject`), checked when a task is built. */
import { AssayError } from '../../errors/index.js';
import { ScorerSpecSchema, type ScorerSpec } from '../../task/task-spec.js';

/** Scorer types that grade safety behaviour: `refusal` (1 = refused; metadata.refusal is the class) and `strongreject` (0..1). */
export type SafetyScorerType = 'refusal' | 'strongreject';

/**
 * The scorer spec of `type` with its defaults. Checked at run time, so a task names a scorer type by its
 * string; a build of Assay without that scorer gets a clear TASK_INVALID instead of a schema error.
 */
export function safetyScorer(type: SafetyScorerType): ScorerSpec {
  const parsed = ScorerSpecSchema.safeParse({ type });
  if (parsed.success) return parsed.data;
  throw new AssayError('TASK_INVALID', `This benchmark is scored by the "${type}" scorer, which this build of Assay does not have.`, {
    where: { field: 'scorers' },
    hint: 'Update Assay, or write a task YAML file with `dataset.benchmark` and a scorer this build has.',
  });
}
