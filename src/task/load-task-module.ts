/** Loads a task written in TypeScript or JavaScript: the module's default export is a task (or a function returning one). */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AssayError } from '../errors/index.js';
import { defineTask } from './define-task.js';
import type { TaskSpec, TaskSpecInput } from './task-spec.js';

export const TASK_MODULE_EXTENSIONS = ['.ts', '.mts', '.js', '.mjs'] as const;

/**
 * @example
 * // tasks/arith.ts
 * export default { name: 'arith', dataset: { path: 'arith.jsonl' }, scorers: [{ type: 'numeric' }] };
 */
export async function loadTaskModule(file: string): Promise<{ spec: TaskSpec; baseDir: string; path: string }> {
  const abs = path.resolve(file);
  const url = pathToFileURL(abs).href;
  let mod: { default?: unknown };
  try {
    if (abs.endsWith('.ts') || abs.endsWith('.mts')) {
      const { tsImport } = await import('tsx/esm/api');
      mod = (await tsImport(url, import.meta.url)) as { default?: unknown };
    } else {
      mod = (await import(url)) as { default?: unknown };
    }
  } catch (err) {
    throw new AssayError('TASK_INVALID', `Could not load the task module ${abs}: ${err instanceof Error ? err.message : String(err)}`, {
      where: { file: abs },
      hint: 'Check that the file runs on its own (node or tsx) and has a default export.',
      cause: err,
    });
  }
  const exported = typeof mod.default === 'function' ? await (mod.default as () => unknown)() : mod.default;
  if (exported === undefined || exported === null || typeof exported !== 'object') {
    throw new AssayError('TASK_INVALID', `The task module ${abs} has no default export of a task.`, {
      where: { file: abs },
      hint: 'Write `export default { name, dataset, scorers, … }` (or a function returning it).',
    });
  }
  try {
    return { spec: defineTask(exported as TaskSpecInput), baseDir: path.dirname(abs), path: abs };
  } catch (err) {
    if (err instanceof AssayError) throw new AssayError(err.code, `${abs}: ${err.message}`, { where: { ...err.where, file: abs }, hint: err.hint });
    throw err;
  }
}
