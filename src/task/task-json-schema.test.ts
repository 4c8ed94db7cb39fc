import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { TASK_SCHEMA_FILE, taskJsonSchema, taskJsonSchemaText } from './task-json-schema.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('task JSON Schema', () => {
  it('is committed exactly as the generator writes it (run `npm run schemas` after changing task-spec.ts)', () => {
    expect(readFileSync(path.join(repoRoot, TASK_SCHEMA_FILE), 'utf8')).toBe(taskJsonSchemaText());
  });

  it('requires only name and dataset, and validates tasks like the zod schema does', () => {
    const schema = taskJsonSchema();
    expect(schema.required).toEqual(['name', 'dataset']);
    const validate = new Ajv2020({ strict: false }).compile(schema);
    expect(validate({ name: 'ok', dataset: { path: 'a.jsonl' }, scorers: [{ type: 'numeric', tolerance: 0.1 }] })).toBe(true);
    expect(validate({ name: 'ok', dataset: { path: 'a.jsonl' }, colour: 'blue' })).toBe(false);
    expect(validate({ name: 'ok', dataset: { path: 'a.jsonl' }, scorers: [{ type: 'numeric', tolerance: 'x' }] })).toBe(false);
  });
});
