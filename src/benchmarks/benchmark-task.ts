/** Builds the standard task of a `<benchmark>:<file>` argument. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AssayError } from '../errors/index.js';
import type { TaskSpec } from '../task/task-spec.js';
import { benchmarkArg } from './benchmark-arg.js';
import { BENCHMARKS } from './registry.js';

/**
 * The task for `arg` when it reads `<benchmark>:<file>`, else undefined. An unknown benchmark is USAGE (naming
 * the benchmarks); a missing file is NOT_FOUND.
 * @example benchmarkTask('gsm8k:data/test.jsonl')?.task.name // 'gsm8k'
 */
export function benchmarkTask(arg: string): { task: TaskSpec; baseDir: string; source: string } | undefined {
  const named = benchmarkArg(arg);
  if (!named) return undefined;
  const file = path.resolve(named.file);
  if (!existsSync(file)) {
    throw new AssayError('NOT_FOUND', `There is no file ${file} to read as ${named.name}.`, {
      where: { file },
      hint: `Give the path of your local copy of the ${BENCHMARKS[named.name].card.title} file: ${named.name}:<path>.`,
    });
  }
  return { task: BENCHMARKS[named.name].task(file), baseDir: path.dirname(file), source: `${named.name}:${file}` };
}
