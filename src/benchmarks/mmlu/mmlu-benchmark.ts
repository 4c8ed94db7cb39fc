/** MMLU (Hendrycks et al.): one header-less CSV per subject, rows `question,A,B,C,D,answer-letter`. */
import path from 'node:path';
import type { MappedRow } from '../../dataset/row-to-sample.js';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { defineTask } from '../../task/define-task.js';
import type { Benchmark, RowContext } from '../benchmark.js';
import { headerlessCsvReader } from '../shared/headerless-csv-reader.js';
import { fail, text } from '../shared/record-fields.js';

const LETTERS = ['A', 'B', 'C', 'D'] as const;

/** The subject a file holds, from its published name: `data/test/high_school_physics_test.csv` → `high_school_physics`. */
export function mmluSubject(file: string): string {
  return path.basename(file, path.extname(file)).replace(/_(test|val|dev)$/, '');
}

/** An MMLU row: four lettered choices, target = the answer letter, metadata.subject from the file name. */
export function mmluSample(record: Record<string, unknown>, at: RowContext): MappedRow {
  const question = text(record, 'question');
  if (!question.ok) return question;
  const answer = LETTERS.find((l) => l === String(record['answer'] ?? '').trim().toUpperCase());
  if (answer === undefined) return fail('answer', `answer is ${JSON.stringify(record['answer'] ?? '')}, expected one of ${LETTERS.join(', ')}`);
  const choices = LETTERS.map((l) => String(record[l] ?? ''));
  const subject = mmluSubject(at.file);
  return { ok: true, sample: { id: `${subject}-${at.row}`, input: question.value, target: answer, choices, metadata: { subject }, label: DEFAULT_LABEL } };
}

export const mmlu: Benchmark = {
  version: 1,
  format: 'csv',
  reader: headerlessCsvReader(['question', ...LETTERS, 'answer']),
  toSample: mmluSample,
  task: (file) =>
    defineTask({
      name: 'mmlu',
      description: `MMLU ${mmluSubject(file)}: zero-shot four-way multiple choice.`,
      dataset: { path: file, format: 'csv', benchmark: 'mmlu' },
      solvers: [{ type: 'multiple_choice' }, { type: 'generate' }],
      scorers: [{ type: 'choice' }],
      metrics: { groupBy: ['subject'], custom: ['mmlu'] },
    }),
  card: {
    title: 'MMLU',
    source: 'github.com/hendrycks/test (data tarball) or HF cais/mmlu: data/<split>/<subject>_<split>.csv, 14,042 test questions over 57 subjects',
    license: 'MIT',
    scoring: 'Multiple-choice accuracy (the letter after "ANSWER:"), overall over all questions and per subject, plus the macro average over subjects.',
  },
};
