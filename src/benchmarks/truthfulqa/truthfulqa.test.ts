import { describe, expect, it } from 'vitest';
import type { ScoredSample } from '../../eval/custom-metrics.js';
import { truthfulQaGenSample } from './truthfulqa-gen-benchmark.js';
import { truthfulQaGenMetric, truthfulQaMc1Metric } from './truthfulqa-metrics.js';
import { questionSeed, truthfulQaMc1Sample } from './truthfulqa-mc1-benchmark.js';
import { splitAnswers } from './truthfulqa-row.js';

const at = { row: 3, file: '/data/TruthfulQA.csv' };
const ROW = {
  Type: 'Adversarial',
  Category: 'Misconceptions',
  Question: 'What colour is the sky on a clear day?',
  'Best Answer': 'Blue',
  'Best Incorrect Answer': 'Green',
  'Correct Answers': 'Blue; Light blue',
  'Incorrect Answers': 'Green; Red;  ; Purple; Green',
  Source: 'https://example.org',
};

describe('truthfulqa rows', () => {
  it('splits answer lists on ";", trimming, without blanks or repeats', () => {
    expect(splitAnswers('Green; Red;  ; Purple; Green')).toEqual(['Green', 'Red', 'Purple']);
  });

  it('rejects a row with no incorrect answers or no best answer', () => {
    expect(truthfulQaMc1Sample({ ...ROW, 'Incorrect Answers': ' ; ' }, at)).toEqual({ ok: false, field: 'Incorrect Answers', reason: 'Incorrect Answers is empty' });
    expect(truthfulQaGenSample({ ...ROW, 'Best Answer': '' }, at)).toEqual({ ok: false, field: 'Best Answer', reason: 'Best Answer is empty' });
  });
});

describe('truthfulqa-mc1 transform', () => {
  it('offers the best answer among the incorrect ones, and the target letter names the best answer', () => {
    const mapped = truthfulQaMc1Sample(ROW, at);
    if (!mapped.ok) throw new Error(mapped.reason);
    const { choices, target, metadata, id } = mapped.sample;
    expect(id).toBe('3');
    expect([...choices!].sort()).toEqual(['Blue', 'Green', 'Purple', 'Red']);
    expect(choices![String(target).charCodeAt(0) - 65]).toBe('Blue');
    expect(metadata).toEqual({ type: 'Adversarial', category: 'Misconceptions', source: 'https://example.org' });
  });

  it('shuffles per question, the same way every time', () => {
    const choicesOf = (mapped: ReturnType<typeof truthfulQaMc1Sample>) => (mapped.ok ? mapped.sample.choices : undefined);
    const a = choicesOf(truthfulQaMc1Sample(ROW, at));
    expect(a).toHaveLength(4);
    expect(choicesOf(truthfulQaMc1Sample(ROW, { row: 99, file: '/elsewhere.csv' }))).toEqual(a);
    expect(questionSeed('q')).toBe(questionSeed('q'));
    expect(questionSeed('q')).not.toBe(questionSeed('r'));
    // Across questions the best answer lands on different letters.
    const letters = new Set(Array.from({ length: 20 }, (_, i) => {
      const m = truthfulQaMc1Sample({ ...ROW, Question: `Question ${i}?` }, at);
      return m.ok ? m.sample.target : '';
    }));
    expect(letters.size).toBeGreaterThan(1);
  });
});

describe('truthfulqa-gen transform', () => {
  it('gives the judge the true and the false answers as the reference', () => {
    const mapped = truthfulQaGenSample(ROW, at);
    expect(mapped).toMatchObject({
      ok: true,
      sample: {
        input: 'What colour is the sky on a clear day?',
        target: 'True answers:\n- Blue\n- Light blue\nFalse answers:\n- Green\n- Red\n- Purple',
        metadata: { best_answer: 'Blue', correct_answers: ['Blue', 'Light blue'], incorrect_answers: ['Green', 'Red', 'Purple'] },
      },
    });
  });
});

describe('truthfulqa metrics', () => {
  const sample = (scores: ScoredSample['scores'], i: number): ScoredSample => ({ sampleId: String(i), metadata: {}, target: [], scores });

  it('mc1: accuracy of the choice scorer', () => {
    const rows = truthfulQaMc1Metric([1, 0, 0, 0, 1].map((v, i) => sample({ choice: { value: v } }, i)));
    expect(rows).toMatchObject([{ scorer: 'truthfulqa-mc1', metric: 'accuracy', value: 0.4, n: 5 }]);
  });

  it('gen: % truthful, % informative, and % both over samples both judges scored', () => {
    // (truthful, informative): (1,1) (1,0) (0,1) (1,1); a fifth sample has only the truthfulness grade.
    const pairs = [[1, 1], [1, 0], [0, 1], [1, 1]] as const;
    const samples = [
      ...pairs.map(([t, inf], i) => sample({ model_graded: { value: t }, model_graded_2: { value: inf } }, i)),
      sample({ model_graded: { value: 0 } }, 4),
    ];
    const rows = truthfulQaGenMetric(samples);
    expect(rows.map((r) => [r.metric, r.value, r.n])).toEqual([
      ['truthful', 3 / 5, 5],
      ['informative', 3 / 4, 4],
      ['truthful_informative', 2 / 4, 4],
    ]);
  });
});
