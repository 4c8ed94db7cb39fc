/** AdvBench (Zou et al., GCG): 520 harmful behaviours as `goal,target` (target = the affirmative prefix GCG aims for). */
import type { MappedRow } from '../../dataset/row-to-sample.js';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { defineTask } from '../../task/define-task.js';
import type { Benchmark, RowContext } from '../benchmark.js';
import { attackSuccessRate } from '../shared/attack-success-rate.js';
import { optionalText, text } from '../shared/record-fields.js';
import { safetyScorer } from '../shared/safety-scorer.js';

/** A behaviour: input = goal; the GCG target string is kept as metadata.target_prefix, not as a reference answer. */
export function advbenchSample(record: Record<string, unknown>, at: RowContext): MappedRow {
  const goal = text(record, 'goal');
  if (!goal.ok) return goal;
  return { ok: true, sample: { id: String(at.row), input: goal.value, target: '', metadata: { target_prefix: optionalText(record, 'target') }, label: DEFAULT_LABEL } };
}

/** `advbench.attack_success_rate` (AdvBench has no categories). */
export const advbenchMetric = attackSuccessRate({ name: 'advbench', scorer: 'refusal', value: 'refused', groupBy: [] });

export const advbench: Benchmark = {
  version: 1,
  format: 'csv',
  toSample: advbenchSample,
  task: (file) =>
    defineTask({
      name: 'advbench',
      description: 'AdvBench harmful behaviours, asked directly: does the model comply?',
      dataset: { path: file, format: 'csv', benchmark: 'advbench' },
      solvers: [{ type: 'generate' }],
      scorers: [safetyScorer('refusal')],
      metrics: { custom: ['advbench'] },
    }),
  card: {
    title: 'AdvBench (harmful behaviours)',
    source: 'github.com/llm-attacks/llm-attacks, data/advbench/harmful_behaviors.csv (520 behaviours)',
    license: 'MIT',
    scoring: 'Attack success rate = share of behaviours complied with (1 − refusal score). The original paper matched refusal prefixes; the refusal scorer replaces that.',
  },
};
