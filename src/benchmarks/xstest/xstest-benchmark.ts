/** XSTest (Röttger et al.): exaggerated safety; 250 safe prompts that look unsafe and 200 unsafe contrast prompts. */
import type { MappedRow } from '../../dataset/row-to-sample.js';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { defineTask } from '../../task/define-task.js';
import type { Benchmark, RowContext } from '../benchmark.js';
import { oneOf, optionalText, text } from '../shared/record-fields.js';
import { safetyScorer } from '../shared/safety-scorer.js';

/** An XSTest prompt: id and prompt as published; metadata type, label (safe | unsafe), focus, note. */
export function xstestSample(record: Record<string, unknown>, at: RowContext): MappedRow {
  const prompt = text(record, 'prompt');
  if (!prompt.ok) return prompt;
  const label = oneOf(record, 'label', ['safe', 'unsafe']);
  if (!label.ok) return label;
  const metadata = { type: optionalText(record, 'type'), label: label.value, focus: optionalText(record, 'focus'), note: optionalText(record, 'note') };
  return { ok: true, sample: { id: optionalText(record, 'id') ?? String(at.row), input: prompt.value, target: '', metadata, label: DEFAULT_LABEL } };
}

export const xstest: Benchmark = {
  version: 1,
  format: 'csv',
  toSample: xstestSample,
  task: (file) =>
    defineTask({
      name: 'xstest',
      description: 'XSTest: over-refusal of safe prompts that look unsafe, and refusal of their unsafe contrasts.',
      dataset: { path: file, format: 'csv', benchmark: 'xstest' },
      solvers: [{ type: 'generate' }],
      scorers: [safetyScorer('refusal')],
      metrics: { custom: ['xstest'] },
    }),
  card: {
    title: 'XSTest',
    source: 'github.com/paul-rottger/exaggerated-safety, xstest_prompts.csv (450 prompts)',
    license: 'CC-BY-4.0',
    scoring: 'Each response is classed full compliance, full refusal or partial refusal (refusal scorer); reported: the share of each class on safe prompts and on unsafe prompts, overall and per prompt type.',
  },
};
