import { readFile, rm, stat, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MODEL_FILE, demoCorpusPath, ensureDemoModel } from './demo-model.js';

describe('demo corpus', () => {
  it('is a bundled public-domain text of 100-200 KB with a header naming its source', async () => {
    const path = demoCorpusPath();
    expect(path.endsWith('src/quickstart/corpus/us-founding-documents.txt')).toBe(true);
    const size = (await stat(path)).size;
    expect(size).toBeGreaterThan(100_000);
    expect(size).toBeLessThan(200_000);
    const header = (await readFile(path, 'utf8')).split('\n').filter((l) => l.startsWith('#')).join('\n');
    expect(header).toContain('public domain');
    expect(header).toContain('adapted from');
  });
});

describe('ensureDemoModel', () => {
  let home: string;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'assay-home-'));
  });

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('builds the model on first use and reuses it afterwards', async () => {
    const first = await ensureDemoModel(home);
    expect(first).toEqual({ path: join(home, 'models', DEMO_MODEL_FILE), built: true });
    expect((await readFile(first.path)).subarray(0, 4).toString('latin1')).toBe('GGUF');
    const before = await stat(first.path);

    const second = await ensureDemoModel(home);
    expect(second).toEqual({ path: first.path, built: false });
    expect((await stat(first.path)).mtimeMs).toBe(before.mtimeMs);
  });

  it('rebuilds when the sidecar records another builder version, or the model is gone', async () => {
    const sidecar = join(home, 'models', 'assay-demo-bigram.json');
    const record = JSON.parse(await readFile(sidecar, 'utf8')) as Record<string, unknown>;
    await writeFile(sidecar, JSON.stringify({ ...record, builderVersion: -1 }));
    expect((await ensureDemoModel(home)).built).toBe(true);
    expect(JSON.parse(await readFile(sidecar, 'utf8'))).toEqual(record);

    await rm(join(home, 'models', DEMO_MODEL_FILE));
    expect((await ensureDemoModel(home)).built).toBe(true);
    expect((await ensureDemoModel(home)).built).toBe(false);
  });

  it('rebuilds a truncated model file', async () => {
    const path = join(home, 'models', DEMO_MODEL_FILE);
    await writeFile(path, (await readFile(path)).subarray(0, 1000));
    expect((await ensureDemoModel(home)).built).toBe(true);
  });
});
