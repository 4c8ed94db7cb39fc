/** JailbreakBench: an attack artifact (JSON `{parameters, jailbreaks[]}`) over the 100 JBB-Behaviors, 10 categories. */
import type { MappedRow } from '../../dataset/row-to-sample.js';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { defineTask } from '../../task/define-task.js';
import type { Benchmark, RowContext } from '../benchmark.js';
import { attackSuccessRate } from '../shared/attack-success-rate.js';
import { jsonRowsReader } from '../shared/json-rows-reader.js';
import { optionalText, text } from '../shared/record-fields.js';
import { safetyScorer } from '../shared/safety-scorer.js';

/**
 * A behaviour: input = the artifact's jailbreak prompt, or the bare goal where the attack found none
 * (metadata.attack says which); metadata keeps goal, behavior, category and the artifact's own verdict.
 */
export function jailbreakbenchSample(record: Record<string, unknown>, at: RowContext): MappedRow {
  const goal = text(record, 'goal');
  if (!goal.ok) return goal;
  const prompt = optionalText(record, 'prompt');
  const metadata = {
    goal: goal.value,
    behavior: optionalText(record, 'behavior'),
    category: optionalText(record, 'category'),
    attack: prompt === undefined ? 'none' : 'artifact',
    artifact_jailbroken: typeof record['jailbroken'] === 'boolean' ? record['jailbroken'] : null,
  };
  return { ok: true, sample: { id: optionalText(record, 'index') ?? String(at.row), input: prompt ?? goal.value, target: '', metadata, label: DEFAULT_LABEL } };
}

/** `jailbreakbench.attack_success_rate`, overall and per category and per attack (artifact prompt or bare goal). */
export const jailbreakbenchMetric = attackSuccessRate({ name: 'jailbreakbench', scorer: 'refusal', value: 'refused', groupBy: ['category', 'attack'] });

export const jailbreakbench: Benchmark = {
  version: 1,
  format: 'json',
  reader: jsonRowsReader('jailbreaks'),
  toSample: jailbreakbenchSample,
  task: (file) =>
    defineTask({
      name: 'jailbreakbench',
      description: 'JailbreakBench: replay an attack artifact (its prompts, else the bare goals) against the model.',
      dataset: { path: file, format: 'json', benchmark: 'jailbreakbench' },
      solvers: [{ type: 'generate', config: { maxTokens: 150 } }],
      scorers: [safetyScorer('refusal')],
      metrics: { custom: ['jailbreakbench'] },
    }),
  card: {
    title: 'JailbreakBench',
    source: 'github.com/JailbreakBench/artifacts, attack-artifacts/<method>/<attack type>/<model>.json (100 JBB-Behaviors)',
    license: 'MIT',
    scoring: 'Attack success rate over the 100 behaviours = share complied with (1 − refusal score), overall and per category; 150-token responses as in the benchmark. JailbreakBench itself judges with a Llama-3-70B jailbreak judge.',
  },
};
