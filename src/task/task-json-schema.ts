/** The JSON Schema of task files, generated from TaskSpecSchema for editors and forms. */
import { z } from 'zod';
import { TaskSpecSchema } from './task-spec.js';

/** Where the generated schema is committed, relative to the repository root. */
export const TASK_SCHEMA_FILE = 'schemas/task.schema.json';

/** The task JSON Schema as written (input side: defaulted fields are optional). */
export function taskJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(TaskSpecSchema, { io: 'input' });
  return {
    $schema,
    title: 'Assay task',
    description: 'An Assay evaluation task: dataset, solvers, scorers, metrics, epochs and limits.',
    ...rest,
  };
}

/** The schema file's exact text: two-space indent and a trailing newline. */
export function taskJsonSchemaText(): string {
  return `${JSON.stringify(taskJsonSchema(), null, 2)}\n`;
}
