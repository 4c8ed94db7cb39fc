/** Turns the task argument of `assay eval` into a task: a task file, a built-in suite, or a bare dataset file. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { benchmarkTask } from '../benchmarks/benchmark-task.js';
import { DATASET_EXTENSIONS } from '../dataset/detect-format.js';
import { AssayError } from '../errors/index.js';
import { SUITES, isSuiteName } from '../suites/registry.js';
import { loadTaskFile, loadTaskModule, TASK_MODULE_EXTENSIONS, taskFromDataset } from '../task/index.js';
import type { ScorerType, TaskSpec } from '../task/task-spec.js';

// A .yaml argument is a task file here, so YAML datasets run through a task rather than bare.
const DATASET_FILE_EXTENSIONS = DATASET_EXTENSIONS.filter((e) => e !== '.yaml' && e !== '.yml');

export interface ResolvedTask {
  task: TaskSpec;
  baseDir: string;
  source: string;
}

export async function resolveTask(arg: string, options: { scorer?: ScorerType } = {}): Promise<ResolvedTask> {
  if (isSuiteName(arg)) {
    const suite = await SUITES[arg].load();
    return { ...suite, source: `suite:${arg}` };
  }
  const benchmark = existsSync(arg) ? undefined : benchmarkTask(arg); // `<benchmark>:<file>`, e.g. gsm8k:data/test.jsonl
  if (benchmark) return benchmark;
  const ext = path.extname(arg).toLowerCase();
  if (!existsSync(arg)) {
    throw new AssayError('NOT_FOUND', `"${arg}" is neither a file nor a built-in suite.`, {
      hint: `Give a task file (.yaml, .ts, .mjs), a dataset file (${DATASET_FILE_EXTENSIONS.join(', ')}), or a suite name (see \`assay suites\`).`,
    });
  }
  if (ext === '.yaml' || ext === '.yml') {
    const { spec, baseDir, path: file } = await loadTaskFile(arg);
    return { task: spec, baseDir, source: file };
  }
  if ((TASK_MODULE_EXTENSIONS as readonly string[]).includes(ext)) {
    const { spec, baseDir, path: file } = await loadTaskModule(arg);
    return { task: spec, baseDir, source: file };
  }
  if (DATASET_FILE_EXTENSIONS.includes(ext)) {
    const abs = path.resolve(arg);
    const task = taskFromDataset(abs, { scorer: options.scorer });
    return { task, baseDir: path.dirname(abs), source: abs };
  }
  throw new AssayError('USAGE', `Don't know how to evaluate "${arg}" (extension "${ext}").`, {
    hint: `Give a task file (.yaml), a dataset file (${DATASET_FILE_EXTENSIONS.join(', ')}) or a suite name.`,
  });
}
