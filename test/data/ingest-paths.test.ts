// Path expansion (folders recursive, globs by a small matcher, missing paths are USAGE) and the parser registry's
// recorded tool versions, which must match the exact versions package.json pins.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandPaths, globToRegExp } from '../../src/data/ingest/index.js';
import { PARSER_TOOLS } from '../../src/data/parse/registry.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'assay-paths-'));
  for (const f of ['a.txt', 'b.pdf', 'sub/c.txt', 'sub/deep/d.txt', 'sub/deep/e.csv']) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), f);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shown = async (args: string[]) => (await expandPaths(args, dir)).map((f) => f.display);

describe('expandPaths', () => {
  it('reads folders recursively in name order and files once', async () => {
    expect(await shown(['.'])).toEqual(['a.txt', 'b.pdf', 'sub/c.txt', 'sub/deep/d.txt', 'sub/deep/e.csv']);
    expect(await shown(['sub', 'sub/c.txt'])).toEqual(['sub/c.txt', 'sub/deep/d.txt', 'sub/deep/e.csv']);
  });

  it('expands globs: * within a folder, ** across folders, ? and [..]', async () => {
    expect(await shown(['*.txt'])).toEqual(['a.txt']);
    expect(await shown(['**/*.txt'])).toEqual(['a.txt', 'sub/c.txt', 'sub/deep/d.txt']);
    expect(await shown(['sub/**/*.csv'])).toEqual(['sub/deep/e.csv']);
    expect(await shown(['[ab].*'])).toEqual(['a.txt', 'b.pdf']);
    expect(globToRegExp('?.txt').test('a.txt')).toBe(true);
    expect(globToRegExp('*.txt').test('sub/a.txt')).toBe(false);
  });

  it('a missing path or an empty glob is USAGE naming it', async () => {
    await expect(expandPaths(['nope.txt'], dir)).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('nope.txt') });
    await expect(expandPaths(['*.docx'], dir)).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('*.docx') });
  });

  it('shows paths relative to the working folder when inside it, absolute when outside', async () => {
    const [f] = await expandPaths([path.join(dir, 'a.txt')], tmpdir());
    expect(f!.display).toBe(path.relative(tmpdir(), path.join(dir, 'a.txt')).split(path.sep).join('/'));
    const [g] = await expandPaths([path.join(dir, 'a.txt')], path.join(dir, 'sub'));
    expect(g!.display).toBe(path.join(dir, 'a.txt').split(path.sep).join('/'));
  });
});

describe('PARSER_TOOLS', () => {
  it('names the versions package.json pins', () => {
    const pkg = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const tool of Object.values(PARSER_TOOLS)) {
      if (tool === 'assay') continue;
      const at = tool.lastIndexOf('@');
      expect(pkg.dependencies[tool.slice(0, at)], tool).toBe(tool.slice(at + 1));
    }
  });
});
