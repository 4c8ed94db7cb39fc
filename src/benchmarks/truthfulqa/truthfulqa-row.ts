/** Reads one row of TruthfulQA.csv: the question, its best answer and the `;`-separated true and false answers. */
import type { Field } from '../shared/record-fields.js';
import { fail, optionalText, text } from '../shared/record-fields.js';

/** A TruthfulQA question with its answer lists. */
export interface TruthfulQaRow {
  question: string;
  best: string;
  correct: string[];
  incorrect: string[];
  metadata: { type?: string; category?: string; source?: string };
}

/** Splits an answer list on ";" (TruthfulQA's separator), trimming and dropping blanks and repeats. */
export function splitAnswers(list: string): string[] {
  return [...new Set(list.split(';').map((a) => a.trim()).filter((a) => a !== ''))];
}

/** The row's question and answers; a row with no best answer or no incorrect answer is unusable. */
export function truthfulQaRow(record: Record<string, unknown>): Field<TruthfulQaRow> {
  const question = text(record, 'Question');
  if (!question.ok) return question;
  const best = text(record, 'Best Answer');
  if (!best.ok) return best;
  const incorrect = splitAnswers(optionalText(record, 'Incorrect Answers') ?? '');
  if (incorrect.length === 0) return fail('Incorrect Answers', 'Incorrect Answers is empty');
  const correct = splitAnswers(optionalText(record, 'Correct Answers') ?? '');
  const bestAnswer = best.value.trim();
  return {
    ok: true,
    value: {
      question: question.value,
      best: bestAnswer,
      correct: correct.includes(bestAnswer) ? correct : [bestAnswer, ...correct],
      incorrect,
      metadata: { type: optionalText(record, 'Type'), category: optionalText(record, 'Category'), source: optionalText(record, 'Source') },
    },
  };
}
