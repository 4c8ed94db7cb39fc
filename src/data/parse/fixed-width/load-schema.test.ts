import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { loadFixedWidthSchema } from './index.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assay-fw-'));
function file(name: string, content: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}
async function problem(p: string): Promise<AssayError> {
  const err = await loadFixedWidthSchema(p).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  expect((err as AssayError).code).toBe('CONFIG_INVALID');
  return err as AssayError;
}

describe('loadFixedWidthSchema', () => {
  it('loads YAML and JSON layouts with defaults', async () => {
    const yaml = await loadFixedWidthSchema(file('a.yaml', 'fields:\n  - { name: id, start: 1, length: 4 }\n'));
    expect(yaml).toEqual({ encoding: 'ascii', fields: [{ name: 'id', start: 1, length: 4, type: 'text' }] });
    const json = await loadFixedWidthSchema(file('a.json', JSON.stringify({ encoding: 'latin1', recordLength: 4, fields: [{ name: 'n', start: 1, length: 4, type: 'zoned', scale: 1 }] })));
    expect(json.fields![0]).toMatchObject({ type: 'zoned', scale: 1 });
  });

  it('lists every problem as file:line:col with the field path, in file order', async () => {
    const p = file(
      'bad.yaml',
      ['encoding: ebcdic-cp037', 'recordLength: 10', 'recordType: { start: 1, length: 1 }', 'layouts:', '  D:', '    fields:', '      - { name: a, start: 1, length: 4, type: text, scale: 2 }', '      - { name: b, start: 8, length: 6, type: packed }', ''].join('\n'),
    );
    const err = await problem(p);
    const lines = err.message.split('\n').slice(1).map((l) => l.trim());
    expect(lines).toEqual([
      `${p}:7:53 field "layouts.D.fields[0].scale": scale applies to zoned, packed and binary fields, not text`,
      `${p}:8:30 field "layouts.D.fields[1].length": ends at byte 13, past recordLength 10`,
    ]);
    expect(err.where).toMatchObject({ file: p, line: 7, column: 53, field: 'layouts.D.fields[0].scale' });
    const enc = await problem(file('enc.yaml', 'encoding: ebcdic\nfields: [{ name: x, start: 1, length: 1 }]\n'));
    expect(enc.message).toContain(`enc.yaml:1:1 field "encoding": Invalid option: expected one of "ascii"|"latin1"|"ebcdic-cp037"`);
  });

  it('reports YAML syntax errors and missing files with a location', async () => {
    const err = await problem(file('syntax.yaml', 'fields:\n  - { name: id, start: 1\n'));
    expect(err.message).toMatch(/syntax\.yaml:\d+:\d+ syntax error/);
    expect((await problem(path.join(dir, 'missing.yaml'))).message).toContain('no such file');
  });

  it('insists on exactly one of fields and layouts, and layouts need recordType', async () => {
    expect((await problem(file('none.yaml', 'encoding: ascii\n'))).message).toContain('give either fields');
    expect((await problem(file('lay.yaml', 'layouts:\n  A:\n    fields: [{ name: x, start: 1, length: 1 }]\n'))).message).toContain('layouts need recordType');
  });
});
