import { describe, expect, it } from 'vitest';
import type { ScoredSample } from '../../eval/custom-metrics.js';
import { gsm8kSample } from './gsm8k-benchmark.js';
import { gsm8kMetric } from './gsm8k-metric.js';

const at = { row: 7, file: '/data/test.jsonl' };

describe('gsm8k transform', () => {
  it('takes the question as input and the number after "####" as target, without thousands commas', () => {
    const mapped = gsm8kSample({ question: 'How many?', answer: 'Add them: <<1000+1250=2250>>\n#### 2,250' }, at);
    expect(mapped).toEqual({ ok: true, sample: { id: '7', input: 'How many?', target: '2250', metadata: { solution: 'Add them: <<1000+1250=2250>>\n#### 2,250' }, label: 'UNCLASSIFIED' } });
    expect(gsm8kSample({ question: 'Q', answer: '#### -3.5\n' }, at)).toMatchObject({ ok: true, sample: { target: '-3.5' } });
  });

  it('rejects a row without a final "#### <number>" or without a question, naming the field', () => {
    expect(gsm8kSample({ question: 'Q', answer: 'It is 4.' }, at)).toEqual({ ok: false, field: 'answer', reason: 'answer does not end with "#### <number>"' });
    expect(gsm8kSample({ question: 'Q', answer: '#### four' }, at)).toMatchObject({ ok: false, field: 'answer' });
    expect(gsm8kSample({ question: '  ', answer: '#### 4' }, at)).toEqual({ ok: false, field: 'question', reason: 'question is empty' });
    expect(gsm8kSample({ answer: '#### 4' }, at)).toEqual({ ok: false, field: 'question', reason: 'question is missing' });
  });
});

describe('gsm8k metric', () => {
  it('is the numeric scorer accuracy: 3 of 4 right → 0.75, Wilson interval', () => {
    const samples: ScoredSample[] = [1, 1, 0, 1].map((value, i) => ({ sampleId: String(i), metadata: {}, target: [], scores: { numeric: { value } } }));
    const [row, ...rest] = gsm8kMetric(samples);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ scorer: 'gsm8k', metric: 'accuracy', groupKey: '', value: 0.75, n: 4 });
    expect(row!.stderr).toBeCloseTo(Math.sqrt((0.75 * 0.25) / 4), 12);
    expect(row!.ciLow).toBeLessThan(0.75);
    expect(gsm8kMetric([{ sampleId: '1', metadata: {}, target: [], scores: { match: { value: 1 } } }])).toEqual([]);
  });
});
