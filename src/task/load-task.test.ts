import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../dataset/load-dataset.js';
import { AssayError } from '../errors/index.js';
import { loadTaskFile } from './load-task.js';

const tasks = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/tasks');
const fixture = (name: string) => path.join(tasks, name);
const tmp = mkdtempSync(path.join(tmpdir(), 'assay-task-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function invalid(file: string): Promise<AssayError> {
  const err = await loadTaskFile(file).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  expect((err as AssayError).code).toBe('TASK_INVALID');
  return err as AssayError;
}

describe('loadTaskFile', () => {
  it('loads a valid task, fills defaults, and its dataset path works from baseDir', async () => {
    const task = await loadTaskFile(fixture('valid.yaml'));
    expect(task.path).toBe(fixture('valid.yaml'));
    expect(task.baseDir).toBe(tasks);
    expect(task.spec.name).toBe('arith');
    expect(task.spec.solvers).toEqual([{ type: 'generate' }]);
    expect(task.spec.scorers).toEqual([
      { type: 'match', location: 'end', ignoreCase: true },
      { type: 'numeric', tolerance: 0.01, relative: false },
    ]);
    expect(task.spec.dataset.onBadRow).toBe('skip');
    const ds = await loadDataset(task.spec.dataset, { baseDir: task.baseDir });
    expect(ds.samples.map((s) => s.id)).toEqual(['q4', 'q2', 'q3', 'q5', 'q1']);
  });

  it('gives file:line:col and field for a value of the wrong type', async () => {
    const err = await invalid(fixture('wrong-type.yaml'));
    expect(err.message).toContain('wrong-type.yaml:7:5 field "scorers[1].tolerance": expected number, received string');
    expect(err.where).toEqual({ file: fixture('wrong-type.yaml'), line: 7, column: 5, field: 'scorers[1].tolerance' });
  });

  it('points an unknown key at the key', async () => {
    const err = await invalid(fixture('unknown-key.yaml'));
    expect(err.message).toContain('unknown-key.yaml:4:3 field "dataset.shuffel": unknown key "shuffel"');
    expect(err.where).toMatchObject({ line: 4, column: 3, field: 'dataset.shuffel' });
  });

  it('points a missing required key at its parent', async () => {
    const err = await invalid(fixture('missing-key.yaml'));
    expect(err.message).toContain('missing-key.yaml:2:1 field "dataset.path": required field is missing (expected string)');
  });

  it('reports a YAML syntax error with file:line:col', async () => {
    const err = await invalid(fixture('syntax-error.yaml'));
    expect(err.message).toMatch(/syntax-error\.yaml:4:\d+ YAML syntax error: /);
    expect(err.where).toMatchObject({ file: fixture('syntax-error.yaml'), line: 4 });
  });

  it('lists every problem in one error, the first in `where`', async () => {
    const err = await invalid(fixture('many-errors.yaml'));
    const f = fixture('many-errors.yaml');
    expect(err.message).toContain('has 5 problems');
    for (const line of [
      `${f}:1:1 field "name": letters, digits, _ . : - only`,
      `${f}:4:3 field "dataset.limit": `,
      `${f}:6:5 field "solvers[0].type": Invalid discriminator value`,
      `${f}:8:5 field "scorers[0].pattern": required field is missing (expected string)`,
      `${f}:9:1 field "colour": unknown key "colour"`,
    ]) {
      expect(err.message).toContain(line);
    }
    expect(err.where).toEqual({ file: f, line: 1, column: 1, field: 'name' });
    expect(err.hint).toContain('schemas/task.schema.json');
  });

  it('sorts problems top to bottom and explains union types', async () => {
    const file = path.join(tmp, 'order.yaml');
    writeFileSync(file, 'name: a\ndataset: {path: x.jsonl}\nscorers:\n  - type: match\n    foo: 1\nversion: [1]\n');
    const err = await invalid(file);
    expect(err.message.split('\n').slice(1)).toEqual([
      `  ${file}:5:5 field "scorers[0].foo": unknown key "foo"`,
      `  ${file}:6:1 field "version": expected string or number`,
    ]);
    expect(err.where).toMatchObject({ line: 5, column: 5 });
  });

  it('names the file in the message as it was given', async () => {
    const rel = path.relative(process.cwd(), fixture('wrong-type.yaml'));
    const err = await invalid(rel);
    expect(err.message).toContain(`${rel}:7:5 field`);
  });

  it('rejects a missing file and a file that is not a mapping', async () => {
    const missing = await invalid(path.join(tmp, 'absent.yaml'));
    expect(missing.message).toContain('absent.yaml');
    const list = path.join(tmp, 'list.yaml');
    writeFileSync(list, '- a\n- b\n');
    const err = await invalid(list);
    expect(err.message).toContain(`${list}:1:1 field "(root)": expected object, received array`);
  });
});
