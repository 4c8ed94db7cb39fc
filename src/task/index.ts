/** The task domain: the task schema and the ways to load one. */
export * from './task-spec.js';
export { loadTaskFile, type LoadedTask } from './load-task.js';
export { defineTask } from './define-task.js';
export { taskFromDataset } from './task-from-dataset.js';
export { taskJsonSchema, taskJsonSchemaText, TASK_SCHEMA_FILE } from './task-json-schema.js';
export { loadTaskModule, TASK_MODULE_EXTENSIONS } from './load-task-module.js';
