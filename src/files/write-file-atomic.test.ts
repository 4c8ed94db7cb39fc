import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from './write-file-atomic.js';

const dir = mkdtempSync(path.join(tmpdir(), 'assay-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file whole, with the mode asked for, creating folders, and leaves no temporary file', async () => {
    const file = path.join(dir, 'a', 'b', 'key.json');
    writeFileAtomicSync(file, 'one', { mode: 0o600, dirMode: 0o700 });
    await writeFileAtomic(file, 'two', { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('two');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(readdirSync(path.dirname(file))).toEqual(['key.json']);
  });

  it('on failure keeps the old content and removes the temporary file', async () => {
    const target = path.join(dir, 'is-a-dir');
    writeFileSync(path.join(dir, 'keep.txt'), 'old');
    // Renaming a file onto a non-empty folder fails after the temporary file was written.
    writeFileAtomicSync(path.join(target, 'x'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(() => writeFileAtomicSync(target, 'new')).toThrow();
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(path.join(dir, 'keep.txt'), 'utf8')).toBe('old');
  });
});
