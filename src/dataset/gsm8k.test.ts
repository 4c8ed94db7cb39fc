import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDataset } from './load-dataset.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = path.resolve(repoRoot, '../shared/benchmarks/gsm8k/test.jsonl');
const present = existsSync(file);

describe('GSM8K test split', () => {
  const name = present ? 'loads every row with no rejects' : `loads every row (skipped: ${file} is not on this machine)`;
  it.skipIf(!present)(name, async () => {
    const ds = await loadDataset({ path: file, fields: { input: 'question', target: 'answer' } }, { baseDir: repoRoot });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n').length;
    expect(ds.rejected).toEqual([]);
    expect(ds.samples).toHaveLength(lines);
    expect(ds.samples[0]?.id).toBe('1');
    expect(ds.samples[0]?.input).toMatch(/^Janet/);
    expect(ds.samples[0]?.target).toMatch(/#### 18$/);
  });
});
