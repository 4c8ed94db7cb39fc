import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import { defineTask } from './define-task.js';
import { taskFromDataset } from './task-from-dataset.js';

describe('defineTask', () => {
  it('fills defaults', () => {
    const task = defineTask({ name: 'arith', dataset: { path: 'arith.jsonl' }, scorers: [{ type: 'numeric' }] });
    expect(task.scorers).toEqual([{ type: 'numeric', tolerance: 1e-6, relative: false }]);
    expect(task.dataset.fields).toEqual({ input: 'input' });
    expect(task.epochs).toEqual({ count: 1, reducer: 'mean' });
  });

  it('lists every problem by field path, without file positions', () => {
    const bad = { name: 'arith', dataset: { path: 'a.jsonl', limit: 0 }, scorers: [{ type: 'numeric', tolerance: 'x' }], extra: 1 };
    let err: unknown;
    try {
      defineTask(bad as unknown as Parameters<typeof defineTask>[0]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AssayError);
    const e = err as AssayError;
    expect(e.code).toBe('TASK_INVALID');
    expect(e.message).toContain('field "scorers[0].tolerance": expected number, received string');
    expect(e.message).toContain('field "dataset.limit": ');
    expect(e.message).toContain('field "extra": unknown key "extra"');
    expect(e.where?.line).toBeUndefined();
    expect(e.where?.field).toBeDefined();
  });
});

describe('taskFromDataset', () => {
  it('builds a generate + match task named after the file', () => {
    const task = taskFromDataset('data/smoke test.jsonl');
    expect(task.name).toBe('smoke_test');
    expect(task.dataset).toEqual({
      path: path.resolve('data/smoke test.jsonl'),
      format: 'jsonl',
      fields: { input: 'input', target: 'target', label: 'label', metadata: ['group'] },
      onBadRow: 'skip',
    });
    expect(task.solvers).toEqual([{ type: 'generate' }]);
    expect(task.scorers).toEqual([{ type: 'match', location: 'end', ignoreCase: true }]);
  });

  it('uses the named scorer with its defaults', () => {
    expect(taskFromDataset('x.csv', { scorer: 'includes' }).scorers).toEqual([{ type: 'includes', ignoreCase: true }]);
  });

  it('refuses scorers that need settings, and files it cannot read', () => {
    expect(() => taskFromDataset('x.jsonl', { scorer: 'model_graded' })).toThrow(/needs settings \(rubric\)/);
    expect(() => taskFromDataset('notes.txt')).toThrow(AssayError);
  });
});
