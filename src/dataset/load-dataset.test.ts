import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import { loadDataset } from './load-dataset.js';

const baseDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/datasets');
const tmp = mkdtempSync(path.join(tmpdir(), 'assay-dataset-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Loads with onBadRow 'fail' and returns the error it must throw. */
async function failure(spec: Parameters<typeof loadDataset>[0], dir = baseDir): Promise<AssayError> {
  const err = await loadDataset({ ...spec, onBadRow: 'fail' }, { baseDir: dir }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

describe('JSONL', () => {
  it('reads good rows, skipping blank lines; numbers become strings', async () => {
    const ds = await loadDataset({ path: 'good.jsonl', fields: { id: 'id', metadata: ['group'] } }, { baseDir });
    expect(ds.format).toBe('jsonl');
    expect(ds.path).toBe(path.join(baseDir, 'good.jsonl'));
    expect(ds.rejected).toEqual([]);
    expect(ds.samples.map((s) => s.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
    expect(ds.samples[2]).toEqual({ id: 'q3', input: 'What is 10 - 7?', target: '3', metadata: { group: 'sub' }, label: 'UNCLASSIFIED' });
    expect(ds.samples[3]?.target).toEqual(['4', '4.0']);
    expect(ds.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records every bad row with its row and line number when skipping', async () => {
    const ds = await loadDataset({ path: 'bad.jsonl', fields: { id: 'id' } }, { baseDir });
    expect(ds.samples.map((s) => [s.id, s.target])).toEqual([['a', '2'], ['e', '4']]);
    expect(ds.rejected).toEqual([
      { row: 2, line: 2, reason: expect.stringMatching(/^invalid JSON/) },
      { row: 3, line: 4, field: 'input', reason: 'input is missing' },
      { row: 4, line: 5, field: 'input', reason: 'input must be text or chat messages, got object' },
      { row: 5, line: 6, field: 'id', reason: 'duplicate id "a" (first used in row 1)' },
      { row: 7, line: 8, reason: 'expected an object, got array' },
    ]);
  });

  it('throws DATASET_ROW_INVALID at the first bad row with onBadRow fail', async () => {
    const err = await failure({ path: 'bad.jsonl', fields: { id: 'id' } });
    expect(err.code).toBe('DATASET_ROW_INVALID');
    expect(err.where).toEqual({ file: path.join(baseDir, 'bad.jsonl'), row: 2, line: 2, field: undefined });
    expect(err.message).toContain('bad.jsonl (row 2, line 2)');
    expect(err.hint).toContain('onBadRow');
  });

  it('reports a duplicate id as fatal too', async () => {
    const file = path.join(tmp, 'dup.jsonl');
    writeFileSync(file, '{"id":"x","input":"a"}\n{"id":"x","input":"b"}\n');
    const err = await failure({ path: file, fields: { id: 'id' } });
    expect(err.where).toMatchObject({ row: 2, line: 2, field: 'id' });
    expect(err.message).toContain('duplicate id "x"');
  });
});

describe('CSV', () => {
  it('strips the BOM, reads quoted multi-line fields and CRLF line ends', async () => {
    const ds = await loadDataset({ path: 'good.csv', fields: { id: 'id', metadata: true } }, { baseDir });
    expect(ds.rejected).toEqual([]);
    expect(ds.samples).toEqual([
      { id: '1', input: 'Spell "cat", then\r\nsay it twice', target: 'cat cat', metadata: { group: 'spelling' }, label: 'UNCLASSIFIED' },
      { id: '2', input: 'What is 2 + 2?', target: '4', metadata: { group: 'math' }, label: 'UNCLASSIFIED' },
    ]);
  });

  it('numbers rows after the header and gives the line each row starts on', async () => {
    const ds = await loadDataset({ path: 'bad.csv', fields: { id: 'id' } }, { baseDir });
    expect(ds.samples.map((s) => s.id)).toEqual(['1', '4', '6']);
    expect(ds.samples[0]?.input).toBe('two\nlines');
    expect(ds.rejected).toEqual([
      { row: 2, line: 4, field: 'input', reason: 'input is empty' },
      { row: 3, line: 5, reason: 'has 2 fields, the header has 3' },
      { row: 5, line: 8, field: 'id', reason: 'duplicate id "1" (first used in row 1)' },
    ]);
  });

  it('fails on the first bad row with file, row, line and field', async () => {
    const err = await failure({ path: 'bad.csv', fields: { id: 'id' } });
    expect(err.where).toEqual({ file: path.join(baseDir, 'bad.csv'), row: 2, line: 4, field: 'input' });
  });

  it('rejects a file with an unclosed quote as a whole', async () => {
    const file = path.join(tmp, 'unclosed.csv');
    writeFileSync(file, 'input,target\n"never closed,x\nb,c\n');
    const err = await loadDataset({ path: file }, { baseDir }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DATASET_INVALID' });
  });
});

describe('JSON', () => {
  it('reads rows from a "samples" array', async () => {
    const ds = await loadDataset({ path: 'good.json', fields: { id: 'id' } }, { baseDir });
    expect(ds.samples.map((s) => [s.id, s.target])).toEqual([['j1', 'Paris'], ['j2', 'Madrid']]);
  });

  it('rejects non-object rows and wrong target types by row number', async () => {
    const ds = await loadDataset({ path: 'bad.json', fields: { id: 'id' } }, { baseDir });
    expect(ds.samples.map((s) => s.id)).toEqual(['j1', 'j4']);
    expect(ds.rejected).toEqual([
      { row: 2, reason: 'expected an object, got string' },
      { row: 3, field: 'target', reason: 'target must be a string, number or list of strings, got boolean' },
    ]);
    const err = await failure({ path: 'bad.json', fields: { id: 'id' } });
    expect(err.where).toEqual({ file: path.join(baseDir, 'bad.json'), row: 2, line: undefined, field: undefined });
  });

  it('rejects invalid JSON and a top level that holds no rows', async () => {
    writeFileSync(path.join(tmp, 'broken.json'), '[{"input": "a"},');
    writeFileSync(path.join(tmp, 'object.json'), '{"items": []}');
    for (const name of ['broken.json', 'object.json']) {
      const err = await loadDataset({ path: name }, { baseDir: tmp }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'DATASET_INVALID', where: { file: path.join(tmp, name) } });
    }
  });
});

describe('YAML', () => {
  it('reads an array; ids come from an `id` column when unmapped', async () => {
    const ds = await loadDataset({ path: 'good.yaml' }, { baseDir });
    expect(ds.format).toBe('yaml');
    expect(ds.samples.map((s) => [s.id, s.input, s.target])).toEqual([
      ['y1', 'Largest planet?', 'Jupiter'],
      ['y2', 'Smallest planet?', 'Mercury'],
    ]);
  });

  it('rejects a row with no input, giving its line', async () => {
    const ds = await loadDataset({ path: 'bad.yaml', fields: { id: 'id' } }, { baseDir });
    expect(ds.samples.map((s) => s.id)).toEqual(['y1', 'y3']);
    expect(ds.rejected).toEqual([{ row: 2, line: 4, field: 'input', reason: 'input is missing' }]);
  });
});

describe('Parquet', () => {
  const file = path.join(tmp, 'rows.parquet');
  parquetWriteFile({
    filename: file,
    columnData: [
      { name: 'id', data: [1n, 2n, 3n, 4n], type: 'INT64' },
      { name: 'question', data: ['What is 2 + 2?', null, 'What is 3 + 3?', 'What is 4 + 4?'], type: 'STRING', nullable: true },
      { name: 'answer', data: ['4', '5', '6', '8'], type: 'STRING' },
      { name: 'difficulty', data: [1, 2, 3, 1], type: 'INT32' },
    ],
  });
  const fields = { id: 'id', input: 'question', target: 'answer', metadata: ['difficulty'] };

  it('reads rows; 64-bit ids become strings of numbers', async () => {
    const ds = await loadDataset({ path: file, fields }, { baseDir });
    expect(ds.format).toBe('parquet');
    expect(ds.samples).toEqual([
      { id: '1', input: 'What is 2 + 2?', target: '4', metadata: { difficulty: 1 }, label: 'UNCLASSIFIED' },
      { id: '3', input: 'What is 3 + 3?', target: '6', metadata: { difficulty: 3 }, label: 'UNCLASSIFIED' },
      { id: '4', input: 'What is 4 + 4?', target: '8', metadata: { difficulty: 1 }, label: 'UNCLASSIFIED' },
    ]);
    expect(ds.rejected).toEqual([{ row: 2, field: 'question', reason: 'input is missing' }]);
  });

  it('fails on the null input with onBadRow fail', async () => {
    const err = await failure({ path: file, fields });
    expect(err.where).toMatchObject({ file, row: 2, field: 'question' });
  });

  it('rejects a file that is not Parquet', async () => {
    writeFileSync(path.join(tmp, 'fake.parquet'), 'not parquet at all');
    const err = await loadDataset({ path: 'fake.parquet' }, { baseDir: tmp }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'DATASET_INVALID' });
  });
});

describe('files and formats', () => {
  it('names the path of a missing file', async () => {
    const err = await loadDataset({ path: 'nope.jsonl' }, { baseDir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('DATASET_INVALID');
    expect((err as AssayError).message).toContain(path.join(baseDir, 'nope.jsonl'));
  });

  it('needs a format for an unknown extension, and honours an explicit one', async () => {
    writeFileSync(path.join(tmp, 'rows.txt'), '{"input":"a"}\n{"input":"b"}\n');
    await expect(loadDataset({ path: 'rows.txt' }, { baseDir: tmp })).rejects.toMatchObject({ code: 'DATASET_INVALID' });
    const ds = await loadDataset({ path: 'rows.txt', format: 'jsonl' }, { baseDir: tmp });
    expect(ds.samples.map((s) => s.input)).toEqual(['a', 'b']);
  });

  it('reads .ndjson as JSONL', async () => {
    writeFileSync(path.join(tmp, 'rows.ndjson'), '{"input":"a"}\n');
    expect((await loadDataset({ path: 'rows.ndjson' }, { baseDir: tmp })).format).toBe('jsonl');
  });

  it('changes the hash with the bytes or the mapping, not otherwise', async () => {
    const a = await loadDataset({ path: 'good.jsonl' }, { baseDir });
    const b = await loadDataset({ path: 'good.jsonl' }, { baseDir });
    const c = await loadDataset({ path: 'good.jsonl', fields: { id: 'id' } }, { baseDir });
    const d = await loadDataset({ path: 'good.yaml' }, { baseDir });
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
    expect(d.hash).not.toBe(a.hash);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadDataset({ path: 'good.jsonl' }, { baseDir, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
