/** Each benchmark's published metric, as a task-level custom metric named like the benchmark (see CUSTOM_METRICS). */
import type { CustomMetric } from '../eval/custom-metrics.js';
import { advbenchMetric } from './advbench/advbench-benchmark.js';
import { ailuminateMetric } from './ailuminate/ailuminate-benchmark.js';
import { bbqMetric } from './bbq/bbq-metric.js';
import { cybersecevalPiMetric } from './cyberseceval/cyberseceval-pi-benchmark.js';
import { gsm8kMetric } from './gsm8k/gsm8k-metric.js';
import { harmbenchMetric } from './harmbench/harmbench-benchmark.js';
import { jailbreakbenchMetric } from './jailbreakbench/jailbreakbench-benchmark.js';
import { mmluMetric } from './mmlu/mmlu-metric.js';
import type { BenchmarkName } from './names.js';
import { strongrejectMetric } from './strongreject/strongreject-benchmark.js';
import { truthfulQaGenMetric, truthfulQaMc1Metric } from './truthfulqa/truthfulqa-metrics.js';
import { xstestMetric } from './xstest/xstest-metric.js';

/** Metric by benchmark name; its rows print as `metrics.<benchmark>.<metric>` (e.g. `metrics.bbq.bias_ambig`). */
export const BENCHMARK_METRICS = {
  gsm8k: gsm8kMetric,
  mmlu: mmluMetric,
  'truthfulqa-mc1': truthfulQaMc1Metric,
  'truthfulqa-gen': truthfulQaGenMetric,
  bbq: bbqMetric,
  xstest: xstestMetric,
  harmbench: harmbenchMetric,
  strongreject: strongrejectMetric,
  advbench: advbenchMetric,
  jailbreakbench: jailbreakbenchMetric,
  ailuminate: ailuminateMetric,
  'cyberseceval-pi': cybersecevalPiMetric,
} as const satisfies Record<BenchmarkName, CustomMetric>;
