import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { labelElements } from '../../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { jsonErrorOffset, jsonParser } from './index.js';

function input(text: string, path = 'data.json'): ParseInput {
  const bytes = new TextEncoder().encode(text);
  return { bytes, path, sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS };
}

async function failure(promise: Promise<unknown>): Promise<AssayError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

describe('jsonParser', () => {
  it('flattens strings to `path: text`, arrays of flat objects to a titled table', async () => {
    const doc = {
      classification: 'SECRET//NOFORN',
      title: 'Exercise',
      'odd key': 'yes',
      count: 3,
      items: [{ body: '(S//NF) Move at dawn.', tags: ['a', ''] }, { body: 'Second' }],
      units: [{ name: 'Alpha', size: 40 }, { name: 'Bravo', lead: true }],
    };
    const parsed = await jsonParser.parse(input(JSON.stringify(doc, null, 2)));
    expect(parsed.elements.map((e) => [e.type, e.text])).toEqual([
      ['narrative_text', 'SECRET//NOFORN'],
      ['narrative_text', '$.title: Exercise'],
      ['narrative_text', '$["odd key"]: yes'],
      ['narrative_text', '(S//NF) $.items[0].body: Move at dawn.'],
      ['narrative_text', '$.items[0].tags[0]: a'],
      ['narrative_text', '$.items[1].body: Second'],
      ['title', '$.units'],
      ['table', 'name | size | lead\nAlpha | 40 | \nBravo |  | true'],
    ]);
    expect(parsed.elements[7]!.metadata.table?.rows[0]).toEqual(['name', 'size', 'lead']);
    expect(parsed.properties.format).toBe('json');
    expect(labelElements(parsed.elements)[3]!.label).toBe('SECRET//NOFORN');
  });

  it('reports a JSON syntax error with line and column', async () => {
    const err = await failure(jsonParser.parse(input('{\n  "a": 1,\n  "b": }\n')));
    expect(err.code).toBe('DATASET_INVALID');
    expect(err.where).toMatchObject({ file: 'data.json', line: 3, column: 8 });
    expect(err.message).toMatch(/^data\.json:3:8: not valid JSON/);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a" 1}')).toBe(5);
    expect(jsonErrorOffset('{"a":"x\\q"}')).toBe(7);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    expect(jsonErrorOffset(' {"a": [true, null, -1.5e3, "\\u00e9"]} ')).toBe(-1);
    expect(jsonErrorOffset('['.repeat(100_000))).toBe(100_000);
  });

  it('reads JSON Lines: a bad line is a warning naming it, flat records make one table', async () => {
    const parsed = await jsonParser.parse(input('{"id": 1, "text": "first"}\n{"id": 2, "text": \n\n{"id": 3, "text": "third"}\n', 'items.jsonl'));
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]).toMatch(/^items\.jsonl:2:\d+: not valid JSON, line skipped/);
    expect(parsed.elements.map((e) => [e.type, e.text])).toEqual([['table', 'id | text\n1 | first\n3 | third']]);
    expect(parsed.properties).toEqual({ format: 'jsonl', records: '2' });
  });

  it('reads nested JSON Lines records at $[line - 1], also under a .json name', async () => {
    const text = '{"messages":[{"role":"user","content":"Hi"}],"meta":{"source":"x"}}\n{"messages":[{"role":"user","content":"Bye"}],"meta":{"source":"y"}}\n';
    const parsed = await jsonParser.parse(input(text, 'chat.json'));
    expect(parsed.properties.format).toBe('jsonl');
    expect(parsed.elements.map((e) => e.text)).toEqual(['$[0].messages', 'role | content\nuser | Hi', '$[0].meta.source: x', '$[1].messages', 'role | content\nuser | Bye', '$[1].meta.source: y']);
  });

  it('refuses JSON Lines where every line is bad, naming the first', async () => {
    const err = await failure(jsonParser.parse(input('\n{oops}\nnot json\n', 'bad.jsonl')));
    expect(err.code).toBe('DATASET_INVALID');
    expect(err.where).toMatchObject({ line: 2, column: 2 });
    expect(err.message).toContain('no line is valid JSON (2 bad lines');
    expect((await failure(jsonParser.parse(input('')))).message).toContain('empty');
  });

  it('stops when the signal has fired, and at limits.maxElements', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(jsonParser.parse({ ...input('{"a":"b"}'), signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    const many = JSON.stringify(Array.from({ length: 50 }, (_, i) => [`text ${i}`]));
    await expect(jsonParser.parse({ ...input(many), limits: { ...DEFAULT_PARSE_LIMITS, maxElements: 10 } })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });
});
