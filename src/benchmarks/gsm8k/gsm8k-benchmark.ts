/** GSM8K (OpenAI grade-school math): JSONL `{question, answer}`, the final number after "####" in `answer`. */
import type { MappedRow } from '../../dataset/row-to-sample.js';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { defineTask } from '../../task/define-task.js';
import type { Benchmark, RowContext } from '../benchmark.js';
import { fail, text } from '../shared/record-fields.js';

/** Zero-shot step-by-step prompt; the numeric scorer reads the number after "ANSWER:". */
export const GSM8K_TEMPLATE = `Solve the following math problem step by step. The last line of your response must be of the form "ANSWER: $ANSWER" (without quotes), where $ANSWER is the final number only.

{input}

Remember to end with the line "ANSWER: $ANSWER".`;

const FINAL = /####\s*(-?[\d,]*\.?\d+)\s*$/;

/** A GSM8K row: input = question, target = the final number (thousands commas removed), worked solution in metadata. */
export function gsm8kSample(record: Record<string, unknown>, at: RowContext): MappedRow {
  const question = text(record, 'question');
  if (!question.ok) return question;
  const answer = text(record, 'answer');
  if (!answer.ok) return answer;
  const final = FINAL.exec(answer.value.trimEnd());
  if (!final) return fail('answer', 'answer does not end with "#### <number>"');
  const target = final[1]!.replace(/,/g, '');
  return { ok: true, sample: { id: String(at.row), input: question.value, target, metadata: { solution: answer.value }, label: DEFAULT_LABEL } };
}

export const gsm8k: Benchmark = {
  version: 1,
  format: 'jsonl',
  toSample: gsm8kSample,
  task: (file) =>
    defineTask({
      name: 'gsm8k',
      description: 'GSM8K grade-school math word problems, zero-shot with step-by-step reasoning.',
      dataset: { path: file, format: 'jsonl', benchmark: 'gsm8k' },
      solvers: [{ type: 'prompt_template', template: GSM8K_TEMPLATE }, { type: 'generate' }],
      scorers: [{ type: 'numeric' }],
      metrics: { custom: ['gsm8k'] },
    }),
  card: {
    title: 'GSM8K',
    source: 'github.com/openai/grade-school-math, grade_school_math/data/test.jsonl (1,319 problems)',
    license: 'MIT',
    scoring: 'Exact-match accuracy: the number the model gives after "ANSWER:" (else after "####", else its last number) equals the number after "####".',
  },
};
