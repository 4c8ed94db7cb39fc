/** The public benchmarks Assay reads by name: `assay eval gsm8k:data/test.jsonl`, or `dataset.benchmark` in a task. */
import { advbench } from './advbench/advbench-benchmark.js';
import { ailuminate } from './ailuminate/ailuminate-benchmark.js';
import { bbq } from './bbq/bbq-benchmark.js';
import type { Benchmark } from './benchmark.js';
import { cybersecevalPi } from './cyberseceval/cyberseceval-pi-benchmark.js';
import { gsm8k } from './gsm8k/gsm8k-benchmark.js';
import { harmbench } from './harmbench/harmbench-benchmark.js';
import { jailbreakbench } from './jailbreakbench/jailbreakbench-benchmark.js';
import { mmlu } from './mmlu/mmlu-benchmark.js';
import type { BenchmarkName } from './names.js';
import { strongreject } from './strongreject/strongreject-benchmark.js';
import { truthfulQaGen } from './truthfulqa/truthfulqa-gen-benchmark.js';
import { truthfulQaMc1 } from './truthfulqa/truthfulqa-mc1-benchmark.js';
import { xstest } from './xstest/xstest-benchmark.js';

/** Benchmark by name; the compiler fails when a name in BENCHMARK_NAMES has none. */
export const BENCHMARKS = {
  gsm8k,
  mmlu,
  'truthfulqa-mc1': truthfulQaMc1,
  'truthfulqa-gen': truthfulQaGen,
  bbq,
  xstest,
  harmbench,
  strongreject,
  advbench,
  jailbreakbench,
  ailuminate,
  'cyberseceval-pi': cybersecevalPi,
} as const satisfies Record<BenchmarkName, Benchmark>;
