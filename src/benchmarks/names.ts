/** The public benchmarks `assay eval <name>:<file>` reads by name; imports nothing, so the task schema can use it. */

/** Benchmark names, as typed on the command line and in `dataset.benchmark`. */
export const BENCHMARK_NAMES = [
  'gsm8k',
  'mmlu',
  'truthfulqa-mc1',
  'truthfulqa-gen',
  'bbq',
  'xstest',
  'harmbench',
  'strongreject',
  'advbench',
  'jailbreakbench',
  'ailuminate',
  'cyberseceval-pi',
] as const;
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];

/** True when `name` is one of BENCHMARK_NAMES. */
export function isBenchmarkName(name: string): name is BenchmarkName {
  return (BENCHMARK_NAMES as readonly string[]).includes(name);
}
