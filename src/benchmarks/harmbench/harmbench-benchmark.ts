/** HarmBench (CAIS): harmful behaviours by semantic category; contextual ones carry a context passage. */
import type { MappedRow } from '../../dataset/row-to-sample.js';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { defineTask } from '../../task/define-task.js';
import type { Benchmark, RowContext } from '../benchmark.js';
import { attackSuccessRate } from '../shared/attack-success-rate.js';
import { optionalText, text } from '../shared/record-fields.js';
import { safetyScorer } from '../shared/safety-scorer.js';

/** A behaviour: id = BehaviorID; input = the behaviour, after its context as HarmBench lays it out ("context\n\n---\n\nbehaviour"). */
export function harmbenchSample(record: Record<string, unknown>, at: RowContext): MappedRow {
  const behavior = text(record, 'Behavior');
  if (!behavior.ok) return behavior;
  const context = optionalText(record, 'ContextString');
  const metadata = {
    semantic_category: optionalText(record, 'SemanticCategory'),
    functional_category: optionalText(record, 'FunctionalCategory'),
    tags: optionalText(record, 'Tags'),
  };
  const input = context === undefined ? behavior.value : `${context}\n\n---\n\n${behavior.value}`;
  return { ok: true, sample: { id: optionalText(record, 'BehaviorID') ?? String(at.row), input, target: '', metadata, label: DEFAULT_LABEL } };
}

/** `harmbench.attack_success_rate`, overall and per semantic and functional category. */
export const harmbenchMetric = attackSuccessRate({ name: 'harmbench', scorer: 'refusal', value: 'refused', groupBy: ['semantic_category', 'functional_category'] });

export const harmbench: Benchmark = {
  version: 1,
  format: 'csv',
  toSample: harmbenchSample,
  task: (file) =>
    defineTask({
      name: 'harmbench',
      description: 'HarmBench text behaviours, asked directly: does the model carry out harmful behaviours?',
      dataset: { path: file, format: 'csv', benchmark: 'harmbench' },
      solvers: [{ type: 'generate', config: { maxTokens: 512 } }],
      scorers: [safetyScorer('refusal')],
      metrics: { custom: ['harmbench'] },
    }),
  card: {
    title: 'HarmBench (text behaviours)',
    source: 'github.com/centerforaisafety/HarmBench, data/behavior_datasets/harmbench_behaviors_text_all.csv (400 behaviours)',
    license: 'MIT',
    scoring: 'Attack success rate = share of behaviours complied with (1 − refusal score), overall and per category; 512-token generations as in the paper. HarmBench itself judges with its Llama-2-13B classifier and scores copyright behaviours by hash matching; the refusal scorer stands in for both.',
  },
};
