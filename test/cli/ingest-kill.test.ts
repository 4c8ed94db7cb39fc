// A real SIGKILL in the middle of `assay ingest`: every stored document has all of its chunks (one transaction per
// file), no version was made, and the next run reuses what was stored, ingests the rest and makes version 1.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli, spawnCli } from '../helpers/cli.js';

const FILES = 150;
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-ingest-kill-'));
  env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '', ASSAY_CLEARANCE: '', ASSAY_USER: '', ASSAY_MASTER_KEY: '', ASSAY_MASTER_KEY_FILE: '' };
  mkdirSync(path.join(home, 'corpus'));
  for (let i = 0; i < FILES; i++) {
    const paras = Array.from({ length: 30 }, (_, j) => `File ${i} paragraph ${j}: the depot at site ${i * 31 + j} reported ${j * 7} crates of spare parts and ${i + j} drums of fuel.`);
    writeFileSync(path.join(home, 'corpus', `f${String(i).padStart(3, '0')}.txt`), paras.join('\n\n'));
  }
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const chunkFlags = ['--chunk', 'basic', '--max-chars', '200'];

/** Per stored document of `dataset`: path → [chunk count, contiguous ords]. */
function storedChunks(dataset: string): Map<string, { chunks: number; contiguous: boolean }> {
  const db = new Database(path.join(home, 'assay.db'), { readonly: true });
  try {
    const rows = db
      .prepare('select d.path as path, count(c.id) as n, coalesce(max(c.ord), -1) as maxOrd from ds_documents d left join ds_chunks c on c.document_id = d.id where d.dataset = ? group by d.path')
      .all(dataset) as Array<{ path: string; n: number; maxOrd: number }>;
    return new Map(rows.map((r) => [r.path, { chunks: r.n, contiguous: r.maxOrd === r.n - 1 }]));
  } finally {
    db.close();
  }
}

function versions(dataset: string): number {
  const db = new Database(path.join(home, 'assay.db'), { readonly: true });
  try {
    return (db.prepare('select count(*) as n from ds_versions where dataset = ?').get(dataset) as { n: number }).n;
  } finally {
    db.close();
  }
}

async function killWhenStored(dataset: string, atLeast: number): Promise<void> {
  const child = spawnCli(['ingest', 'corpus', '--dataset', dataset, ...chunkFlags], { env, cwd: home });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 10));
    if (!existsSync(path.join(home, 'assay.db'))) continue;
    try {
      if (storedChunks(dataset).size >= atLeast) break;
    } catch {
      // tables not there yet
    }
  }
  child.kill('SIGKILL');
  await exited;
}

describe('assay ingest killed with SIGKILL', () => {
  it('leaves whole documents only, and the next run completes the batch', async () => {
    await killWhenStored('killed', 3);
    const partial = storedChunks('killed');
    expect(partial.size).toBeGreaterThanOrEqual(3);
    expect(partial.size).toBeLessThan(FILES); // it really was cut short
    expect(versions('killed')).toBe(0);

    const ref = parseJsonOutput<{ chunks: number }>(await runCli(['ingest', 'corpus', '--dataset', 'reference', ...chunkFlags, '--output', 'json'], { env, cwd: home }));
    const whole = storedChunks('reference');
    for (const [file, got] of partial) {
      expect(got, file).toEqual(whole.get(file));
      expect(got.contiguous).toBe(true);
    }

    const again = await runCli(['ingest', 'corpus', '--dataset', 'killed', ...chunkFlags, '--output', 'json'], { env, cwd: home });
    expect(again.code, again.stderr).toBe(0);
    const s = parseJsonOutput<{ skipped: number; documents: number; version: number }>(again);
    expect(s).toMatchObject({ skipped: partial.size, documents: FILES - partial.size, version: 1 });
    const v = parseJsonOutput<{ dataset: { stats: { documents: number; chunks: number } } }>(await runCli(['dataset', 'show', 'killed', '--output', 'json'], { env }));
    expect(v.dataset.stats).toMatchObject({ documents: FILES, chunks: ref.chunks });
  });
});
