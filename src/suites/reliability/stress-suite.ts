/** stress: the math-word problems under the perturbation engine, for reliability under noisy and misleading input. */
import { mathWordSuite } from '../capability/math-word/math-word-suite.js';
import type { SuiteDefinition } from '../registry.js';

/** Perturbations that apply to every math-word item (missing_info needs a `key_fact` the items do not mark yet). */
export const STRESS_PERTURBATIONS = ['typos', 'casing', 'whitespace', 'contract', 'distractor', 'irrelevant_context', 'contradictory_context', 'ocr'] as const;

/** The `stress` suite: 40 problems × (original + 8 perturbations), accuracy per perturbation and worst-case robustness. */
export const stressSuite: SuiteDefinition = {
  dimension: 'reliability',
  version: '1',
  items: 40,
  card: {
    purpose:
      'Reliability under stress: the 40 math-word problems, each also asked with typos, odd casing, odd whitespace, contractions, a distractor sentence, irrelevant context, a contradicting note, and OCR-like noise (seeded, so the variants are the same on every run). Shows how much accuracy drops when the input is messy or misleading.',
    scoring:
      'numeric scorer as in math-word. Custom metrics: perturbation_accuracy (accuracy per perturbation with intervals, and the paired change from the original), worst_case_robustness (HELM: an item counts only if the original and every variant are right), epoch_consistency (with --epochs ≥ 2: share of items whose epochs all agree). Standard errors are clustered by original item.',
    limits:
      'Arithmetic only; missing-information and paraphrase perturbations are not included (the items do not mark their key fact, and paraphrase needs a paraphraser model role). 40 items × 9 prompts = 360 model calls per epoch.',
  },
  async load() {
    const { task, baseDir } = await mathWordSuite.load();
    return {
      baseDir,
      task: {
        ...task,
        name: 'stress',
        description: 'math-word problems under seeded perturbations',
        perturbations: { names: [...STRESS_PERTURBATIONS], seed: 0, rate: 0.1 },
        metrics: { ...task.metrics, groupBy: ['perturbation'], cluster: 'original_id', custom: ['perturbation_accuracy', 'worst_case_robustness', 'epoch_consistency'] },
      },
    };
  },
};
