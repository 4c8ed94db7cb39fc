/** Reads the `<benchmark>:<file>` argument of `assay eval`. */
import { AssayError } from '../errors/index.js';
import { BENCHMARK_NAMES, isBenchmarkName, type BenchmarkName } from './names.js';

// Two or more characters before the colon, so a Windows drive ("C:\data.csv") is never read as a name.
const NAMED = /^([A-Za-z0-9][A-Za-z0-9_.-]+):(.+)$/;

/**
 * The benchmark and file an argument names, or undefined when it has no `name:` prefix. A prefix that is not a
 * benchmark is a USAGE error listing the names.
 * @example benchmarkArg('gsm8k:data/test.jsonl') // { name: 'gsm8k', file: 'data/test.jsonl' }
 */
export function benchmarkArg(arg: string): { name: BenchmarkName; file: string } | undefined {
  const m = NAMED.exec(arg);
  if (!m) return undefined;
  const name = m[1]!;
  const file = m[2]!;
  if (isBenchmarkName(name)) return { name, file };
  throw new AssayError('USAGE', `"${name}" in "${arg}" is not a benchmark Assay knows, and no file "${arg}" exists.`, {
    hint: `Use <benchmark>:<file> with one of: ${BENCHMARK_NAMES.join(', ')}.`,
  });
}
