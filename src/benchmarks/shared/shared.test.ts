import { describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import type { ScoredSample } from '../../eval/custom-metrics.js';
import { attackSuccessRate } from './attack-success-rate.js';
import { headerlessCsvReader } from './headerless-csv-reader.js';
import { jsonRowsReader } from './json-rows-reader.js';
import { oneOf, optionalText, text } from './record-fields.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const opts = { file: '/data/x' };

describe('record fields', () => {
  it('reads text, optional text and closed sets, naming the column at fault', () => {
    expect(text({ a: 3 }, 'a')).toEqual({ ok: true, value: '3' });
    expect(text({ a: [] }, 'a')).toEqual({ ok: false, field: 'a', reason: 'a must be text, got array' });
    expect(optionalText({ a: ' ' }, 'a')).toBeUndefined();
    expect(oneOf({ a: ' safe ' }, 'a', ['safe', 'unsafe'])).toEqual({ ok: true, value: 'safe' });
  });
});

describe('headerlessCsvReader', () => {
  it('names the columns and keeps row and line numbers of the real file (BOM dropped)', async () => {
    const rows = await headerlessCsvReader(['q', 'a']).read(bytes('\ufeffx,1\n"multi\nline",2\nbad\n'), opts);
    expect(rows).toEqual([
      { row: 1, line: 1, ok: true, record: { q: 'x', a: '1' } },
      { row: 2, line: 2, ok: true, record: { q: 'multi\nline', a: '2' } },
      { row: 3, line: 4, ok: false, reason: 'has 1 fields, the header has 2' },
    ]);
  });
});

describe('jsonRowsReader', () => {
  it('reads the rows under its key, and anything else as standard JSON', async () => {
    const reader = jsonRowsReader('jailbreaks');
    expect(await reader.read(bytes('{"parameters":{},"jailbreaks":[{"goal":"g"},3]}'), opts)).toEqual([
      { row: 1, ok: true, record: { goal: 'g' } },
      { row: 2, ok: false, reason: 'expected an object, got number' },
    ]);
    expect(await reader.read(bytes('[{"goal":"g"}]'), opts)).toEqual([{ row: 1, ok: true, record: { goal: 'g' } }]);
    await expect(reader.read(bytes('{"jailbreaks":{}}'), opts)).rejects.toThrow(AssayError);
    await expect(reader.read(bytes('{oops'), opts)).rejects.toThrow(/not valid JSON/);
  });
});

describe('attack success rate', () => {
  const sample = (refusal: number, category: string, i: number): ScoredSample => ({ sampleId: String(i), metadata: { category }, target: [], scores: { refusal: { value: refusal } } });

  it('is the share not refused (1 − refusal), overall and per group', () => {
    const metric = attackSuccessRate({ name: 'harmbench', scorer: 'refusal', value: 'refused', groupBy: ['category'] });
    // Refused: cyber 1, 0, 1; illegal 0 → successes 0, 1, 0 | 1 → 2 of 4.
    const rows = metric([sample(1, 'cyber', 1), sample(0, 'cyber', 2), sample(1, 'cyber', 3), sample(0, 'illegal', 4)]);
    expect(rows.map((r) => [r.scorer, r.metric, r.groupKey, r.groupValue, r.value, r.n])).toEqual([
      ['harmbench', 'attack_success_rate', '', '', 0.5, 4],
      ['harmbench', 'attack_success_rate', 'category', 'cyber', 1 / 3, 3],
      ['harmbench', 'attack_success_rate', 'category', 'illegal', 1, 1],
    ]);
    expect(rows[0]!.ciLow).not.toBeNull();
  });

  it('takes a judge\'s "yes" as success, averages epoch means, and is empty without its scorer', () => {
    const metric = attackSuccessRate({ name: 'cyberseceval-pi', scorer: 'model_graded', value: 'succeeded', groupBy: [] });
    const s = (v: number, i: number): ScoredSample => ({ sampleId: String(i), metadata: {}, target: [], scores: { model_graded: { value: v } } });
    expect(metric([s(1, 1), s(0.5, 2), s(0, 3)])).toMatchObject([{ value: 0.5, n: 3 }]);
    expect(metric([{ sampleId: '1', metadata: {}, target: [], scores: { refusal: { value: 1 } } }])).toEqual([]);
  });
});
