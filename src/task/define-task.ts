/** Tasks written in TypeScript: the same schema and error messages as task YAML. */
import { AssayError } from '../errors/index.js';
import { fieldPath, taskIssues } from './task-issues.js';
import { TaskSpecSchema, type TaskSpec, type TaskSpecInput } from './task-spec.js';

/**
 * Validates a task and fills its defaults; throws one TASK_INVALID listing every problem.
 * @example export default defineTask({ name: 'arith', dataset: { path: 'arith.jsonl' }, scorers: [{ type: 'numeric' }] })
 */
export function defineTask(spec: TaskSpecInput): TaskSpec {
  const parsed = TaskSpecSchema.safeParse(spec);
  if (parsed.success) return parsed.data;
  const issues = taskIssues(parsed.error);
  const lines = issues.map((i) => `  field "${fieldPath(i.path)}": ${i.message}`).join('\n');
  const n = issues.length;
  const first = issues[0];
  throw new AssayError('TASK_INVALID', `Task has ${n} problem${n === 1 ? '' : 's'}:\n${lines}`, {
    where: first ? { field: fieldPath(first.path) } : undefined,
    hint: 'Fix the fields listed; schemas/task.schema.json describes every task setting.',
  });
}
