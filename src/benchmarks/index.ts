/** Public benchmarks by name: loaders for their published files, their standard tasks and their published metrics. */
export { BENCHMARK_NAMES, isBenchmarkName, type BenchmarkName } from './names.js';
export type { Benchmark, BenchmarkCard, RowContext } from './benchmark.js';
export { BENCHMARKS } from './registry.js';
export { BENCHMARK_METRICS } from './metrics.js';
export { benchmarkArg } from './benchmark-arg.js';
export { benchmarkTask } from './benchmark-task.js';
