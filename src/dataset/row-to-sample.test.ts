import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';
import { rowToSample } from './row-to-sample.js';

const baseDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/datasets');

describe('field mapping', () => {
  it('maps other column names and dotted paths; choices from arrays or JSON strings', async () => {
    const fields = { id: 'uid', input: 'q.text', target: 'a.value', choices: 'opts', metadata: ['meta.source', 'level'] };
    const ds = await loadDataset({ path: 'mapped.jsonl', fields }, { baseDir });
    expect(ds.samples).toEqual([
      { id: '101', input: 'Which colour is the sky?', target: 'B', choices: ['Red', 'Blue'], metadata: { 'meta.source': 's1', level: 'easy' }, label: 'UNCLASSIFIED' },
      { id: 'x2', input: 'Which is a fruit?', target: 'A', choices: ['Apple', 'Brick'], metadata: { 'meta.source': 's2', level: 'hard' }, label: 'UNCLASSIFIED' },
      { id: 'x4', input: 'Which is a gas?', target: ['A', 'a'], choices: ['1', '2'], metadata: { 'meta.source': 's4', level: 'easy' }, label: 'UNCLASSIFIED' },
    ]);
    expect(ds.rejected).toEqual([
      { row: 3, line: 3, field: 'opts', reason: 'choices must be a list of strings or a JSON array string, got string' },
    ]);
  });

  it('copies every unmapped column into metadata with `metadata: true`', async () => {
    const fields = { id: 'uid', input: 'q.text', target: 'a.value', choices: 'opts', metadata: true as const };
    const ds = await loadDataset({ path: 'mapped.jsonl', fields }, { baseDir });
    expect(ds.samples[0]?.metadata).toEqual({ meta: { source: 's1' }, level: 'easy', tag: 'secret' });
    expect(ds.samples[2]?.metadata).toEqual({ meta: { source: 's4' }, level: 'easy', tag: 5 });
  });

  it('accepts chat messages as an array or a JSON string; other text starting with [ stays text', async () => {
    const ds = await loadDataset({ path: 'chat.jsonl', fields: { input: 'messages' } }, { baseDir });
    expect(ds.samples.map((s) => s.input)).toEqual([
      [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi?' }],
      [{ role: 'user', content: 'Name a prime.' }],
      '[1, 2] is a list; what is its length?',
    ]);
    expect(ds.rejected.map((r) => [r.row, r.field])).toEqual([[4, 'messages'], [5, 'messages']]);
    expect(ds.rejected[0]?.reason).toContain('not chat messages');
  });

  it('reads a label column and falls back to the default label', () => {
    const fields = { input: 'input', label: 'marking' };
    expect(rowToSample({ input: 'x', marking: 'OFFICIAL' }, fields, 1)).toMatchObject({ ok: true, sample: { label: 'OFFICIAL' } });
    expect(rowToSample({ input: 'x' }, fields, 1)).toMatchObject({ ok: true, sample: { label: 'UNCLASSIFIED' } });
    expect(rowToSample({ input: 'x', marking: 3 }, fields, 1)).toMatchObject({ ok: false, field: 'marking' });
  });

  it('prefers a column literally named with dots over a nested path', () => {
    const mapped = rowToSample({ 'q.text': 'flat', q: { text: 'nested' } }, { input: 'q.text' }, 1);
    expect(mapped).toMatchObject({ ok: true, sample: { input: 'flat' } });
  });

  it('reaches into arrays by index', () => {
    const record = { turns: [{ content: 'first' }, { content: 'second' }] };
    expect(rowToSample(record, { input: 'turns.1.content' }, 1)).toMatchObject({ ok: true, sample: { input: 'second' } });
  });

  it('rejects a mapped id or target that is missing, and ids of the wrong type', () => {
    expect(rowToSample({ input: 'x' }, { input: 'input', id: 'key' }, 1)).toEqual({ ok: false, field: 'key', reason: 'id is missing' });
    expect(rowToSample({ input: 'x' }, { input: 'input', target: 'gold' }, 1)).toEqual({ ok: false, field: 'gold', reason: 'target is missing' });
    expect(rowToSample({ input: 'x', key: { a: 1 } }, { input: 'input', id: 'key' }, 1)).toMatchObject({ ok: false, field: 'key' });
  });

  it('uses a "target" column when target is not mapped, and the row number as id', () => {
    expect(rowToSample({ input: 'x', target: 7 }, { input: 'input' }, 12)).toMatchObject({ ok: true, sample: { id: '12', target: '7' } });
    expect(rowToSample({ input: 'x' }, { input: 'input' }, 3)).toMatchObject({ ok: true, sample: { id: '3', target: '' } });
  });
});
