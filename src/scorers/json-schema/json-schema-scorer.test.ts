import { describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import { NO_MODEL, makeTestState } from '../make-test-state.js';
import { extractJson } from './extract-json.js';
import { jsonSchemaScorer } from './json-schema-scorer.js';

const PERSON = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
  required: ['name', 'age'],
  additionalProperties: false,
};

describe('extractJson', () => {
  it('reads fenced blocks, whole answers and embedded objects or arrays', () => {
    expect(extractJson('Sure:\n```json\n{"a": 1}\n```\nDone')).toMatchObject({ ok: true, value: { a: 1 } });
    expect(extractJson('  [1, 2] ')).toMatchObject({ ok: true, value: [1, 2] });
    expect(extractJson('Result: {"s": "has } and { inside", "n": [1]} — hope it helps')).toMatchObject({
      ok: true,
      value: { s: 'has } and { inside', n: [1] },
    });
    // The first balanced block that does not parse is skipped.
    expect(extractJson('Use {curly} braces like {"ok": true}')).toMatchObject({ ok: true, value: { ok: true } });
    expect(extractJson('no json {here')).toMatchObject({ ok: false });
  });
});

describe('json_schema scorer', () => {
  const scorer = jsonSchemaScorer({ type: 'json_schema', schema: PERSON });

  it('passes valid JSON inside a fence', async () => {
    const s = await scorer.score(makeTestState('```json\n{"name": "Ada", "age": 36}\n```'), NO_MODEL);
    expect(s.value).toBe(1);
    expect(s.answer).toBe('{"name":"Ada","age":36}');
  });

  it("lists ajv's errors when the JSON does not validate", async () => {
    const s = await scorer.score(makeTestState('Here: {"name": 7, "age": -1, "extra": true}'), NO_MODEL);
    expect(s.value).toBe(0);
    expect(s.explanation).toContain('/name must be string');
    expect(s.explanation).toContain('/age must be >= 0');
    expect(s.explanation).toContain('must NOT have additional properties ("extra")');
  });

  it('fails when there is no JSON', async () => {
    const s = await scorer.score(makeTestState('I cannot produce JSON.'), NO_MODEL);
    expect(s.value).toBe(0);
    expect(s.explanation).toContain('No JSON found');
  });

  it('supports draft 2020-12 schemas and rejects broken ones', async () => {
    const tuple = jsonSchemaScorer({
      type: 'json_schema',
      schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'number' }], items: false },
    });
    expect((await tuple.score(makeTestState('[1]'), NO_MODEL)).value).toBe(1);
    expect((await tuple.score(makeTestState('[1, 2]'), NO_MODEL)).value).toBe(0);
    expect(() => jsonSchemaScorer({ type: 'json_schema', schema: { type: 'nonsense' } })).toThrow(AssayError);
  });
});
