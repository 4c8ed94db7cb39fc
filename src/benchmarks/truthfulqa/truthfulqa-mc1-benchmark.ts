/** TruthfulQA MC1: the best answer among the incorrect answers, in a fixed per-question shuffled order. */
import { createHash } from 'node:crypto';
import type { MappedRow } from '../../dataset/row-to-sample.js';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { seededShuffle } from '../../dataset/seeded-shuffle.js';
import { defineTask } from '../../task/define-task.js';
import type { Benchmark, RowContext } from '../benchmark.js';
import { truthfulQaRow } from './truthfulqa-row.js';

/** A seed from the question's text, so a question's choice order is the same in every run and on every machine. */
export function questionSeed(question: string): number {
  return createHash('sha256').update(question).digest().readUInt32BE(0);
}

/** An MC1 sample: choices = best answer + incorrect answers, shuffled by questionSeed; target = the best answer's letter. */
export function truthfulQaMc1Sample(record: Record<string, unknown>, at: RowContext): MappedRow {
  const row = truthfulQaRow(record);
  if (!row.ok) return row;
  const { question, best, incorrect, metadata } = row.value;
  const choices = seededShuffle([best, ...incorrect.filter((a) => a !== best)], questionSeed(question));
  const target = String.fromCharCode(65 + choices.indexOf(best));
  return { ok: true, sample: { id: String(at.row), input: question, target, choices, metadata, label: DEFAULT_LABEL } };
}

export const truthfulQaMc1: Benchmark = {
  version: 1,
  format: 'csv',
  toSample: truthfulQaMc1Sample,
  task: (file) =>
    defineTask({
      name: 'truthfulqa-mc1',
      description: 'TruthfulQA MC1: pick the one true answer among common misconceptions.',
      dataset: { path: file, format: 'csv', benchmark: 'truthfulqa-mc1' },
      solvers: [{ type: 'multiple_choice' }, { type: 'generate' }],
      scorers: [{ type: 'choice' }],
      metrics: { custom: ['truthfulqa-mc1'] },
    }),
  card: {
    title: 'TruthfulQA (MC1)',
    source: 'github.com/sylinrl/TruthfulQA, TruthfulQA.csv (790 questions, January 2025 revision)',
    license: 'Apache-2.0',
    scoring: 'MC1 accuracy: share of questions where the model picks the best answer among it and the incorrect answers (choice order shuffled per question, deterministically).',
  },
};
