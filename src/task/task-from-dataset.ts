/** A task for a bare dataset file on the CLI: `assay eval data.jsonl --scorer includes`. */
import path from 'node:path';
import { DATASET_EXTENSIONS, formatFromExtension } from '../dataset/detect-format.js';
import { AssayError } from '../errors/index.js';
import { fieldPath, taskIssues } from './task-issues.js';
import { ScorerSpecSchema, TaskSpecSchema, type ScorerType, type TaskSpec } from './task-spec.js';

/**
 * Builds a task around a dataset whose rows have `input`, `target` and optionally `id`, `label` (the row's marking, as
 * `assay dataset export --format eval` writes it) and `group` (kept as
 * metadata): a plain generate solver and one scorer with its defaults (`match` unless named).
 * @example taskFromDataset('data/smoke.jsonl', { scorer: 'includes' })
 */
export function taskFromDataset(file: string, options: { scorer?: ScorerType } = {}): TaskSpec {
  const format = formatFromExtension(file);
  if (!format) {
    throw new AssayError('USAGE', `${file} is not a dataset file this command can run directly.`, {
      hint: `Use a file ending in ${DATASET_EXTENSIONS.join(', ')}, or write a task YAML file.`,
    });
  }
  const type = options.scorer ?? 'match';
  const scorer = ScorerSpecSchema.safeParse({ type });
  if (!scorer.success) {
    const needs = taskIssues(scorer.error).map((i) => fieldPath(i.path)).join(', ');
    throw new AssayError('USAGE', `Scorer "${type}" needs settings (${needs}) and cannot run on a bare dataset.`, {
      hint: 'Write a task YAML file that sets the scorer up, and run that.',
    });
  }
  const ext = path.extname(file);
  const name = path.basename(file, ext).replace(/[^A-Za-z0-9_.:-]/g, '_') || 'dataset';
  return TaskSpecSchema.parse({
    name,
    dataset: {
      path: path.resolve(file),
      format,
      fields: { input: 'input', target: 'target', label: 'label', metadata: ['group'] },
    },
    solvers: [{ type: 'generate' }],
    scorers: [scorer.data],
  });
}
