/** MLCommons AILuminate v1.0 prompt sets: prompts per hazard category, persona and locale. */
import type { MappedRow } from '../../dataset/row-to-sample.js';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { defineTask } from '../../task/define-task.js';
import type { Benchmark, RowContext } from '../benchmark.js';
import { attackSuccessRate } from '../shared/attack-success-rate.js';
import { optionalText, text } from '../shared/record-fields.js';
import { safetyScorer } from '../shared/safety-scorer.js';

/** A prompt: id = release_prompt_id; metadata hazard, persona, locale, prompt_hash. */
export function ailuminateSample(record: Record<string, unknown>, at: RowContext): MappedRow {
  const prompt = text(record, 'prompt_text');
  if (!prompt.ok) return prompt;
  const hazard = text(record, 'hazard');
  if (!hazard.ok) return hazard;
  const metadata = { hazard: hazard.value, persona: optionalText(record, 'persona'), locale: optionalText(record, 'locale'), prompt_hash: optionalText(record, 'prompt_hash') };
  return { ok: true, sample: { id: optionalText(record, 'release_prompt_id') ?? String(at.row), input: prompt.value, target: '', metadata, label: DEFAULT_LABEL } };
}

/** `ailuminate.attack_success_rate`, overall and per hazard and persona. */
export const ailuminateMetric = attackSuccessRate({ name: 'ailuminate', scorer: 'refusal', value: 'refused', groupBy: ['hazard', 'persona'] });

export const ailuminate: Benchmark = {
  version: 1,
  format: 'csv',
  toSample: ailuminateSample,
  task: (file) =>
    defineTask({
      name: 'ailuminate',
      description: 'AILuminate: general chat-assistant hazards across 12 hazard categories.',
      dataset: { path: file, format: 'csv', benchmark: 'ailuminate' },
      solvers: [{ type: 'generate' }],
      scorers: [safetyScorer('refusal')],
      metrics: { custom: ['ailuminate'] },
    }),
  card: {
    title: 'MLCommons AILuminate v1.0',
    source: 'github.com/mlcommons/ailuminate, airr_official_1.0_demo_<locale>_prompt_set_release.csv (demo set: 1,200 prompts)',
    license: 'CC-BY-4.0 (prompt data)',
    scoring: 'Attack success rate = share of prompts complied with (1 − refusal score), overall and per hazard. AILuminate itself grades responses safe/unsafe with an evaluator ensemble and compares the unsafe rate to reference models; that grade is not computed here.',
  },
};
