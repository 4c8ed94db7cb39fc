// `assay ingest` and `assay dataset list|show|versions|diff` through the built CLI: JSON shape, per-file errors with
// exit 0, exit 2 for bad arguments, exit 3 for a store failure, skip on re-run, versions and diff, MAC, audit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditLog } from '../../src/governance/audit/index.js';
import { openStore } from '../../src/store/open-store.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

let home: string;
let env: NodeJS.ProcessEnv;
const secret = () => ({ ...env, ASSAY_CLEARANCE: 'SECRET//NOFORN' });

interface Summary {
  files: number;
  documents: number;
  chunks: number;
  skipped: number;
  version: number | null;
  versionCreated: boolean;
  label: string;
  errors: Array<{ path: string; reason: string }>;
  duplicates: { exact: number; near: number };
}

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-ingest-cli-'));
  env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '', ASSAY_CLEARANCE: '', ASSAY_USER: '', ASSAY_MASTER_KEY: '', ASSAY_MASTER_KEY_FILE: '' };
  const docs = path.join(home, 'docs');
  mkdirSync(path.join(docs, 'sub'), { recursive: true });
  writeFileSync(path.join(docs, 'memo.txt'), 'SECRET//NOFORN\n\n(U) Fuel and rations for the northern depots.\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n');
  writeFileSync(path.join(docs, 'sub', 'memo-again.txt'), 'SECRET//NOFORN\n\n(U) Fuel and rations for the northern depots.\n\n(S//NF) The convoy leaves at dawn.\n\nSECRET//NOFORN\n');
  writeFileSync(path.join(docs, 'readme.md'), '# Depot notes\n\nThe depot opens at six and closes at eight.\n');
  writeFileSync(path.join(docs, 'empty.txt'), '');
  writeFileSync(path.join(docs, 'fake.pdf'), 'plain text wearing a PDF name\n');
  writeFileSync(path.join(home, 'ts.txt'), 'TOP SECRET//SI//NOFORN\n\n(TS//SI//NF) The intercept schedule.\n');
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('assay ingest', () => {
  it('prints the summary as JSON; bad files are errors and the batch finishes with exit 0', async () => {
    const r = await runCli(['ingest', path.join(home, 'docs'), '--dataset', 'depot', '--output', 'json'], { env, cwd: home });
    expect(r.code, r.stderr).toBe(0);
    const s = parseJsonOutput<Summary>(r);
    expect(s).toMatchObject({ files: 5, documents: 3, version: 1, versionCreated: true, label: 'SECRET//NOFORN', duplicates: { exact: 1, near: 0 } });
    expect(s.chunks).toBeGreaterThanOrEqual(3);
    expect(s.errors.map((e) => e.path).sort()).toEqual(['docs/empty.txt', 'docs/fake.pdf']);
    for (const e of s.errors) expect(e.reason.length).toBeGreaterThan(5);
  });

  it('in text mode prints a summary and each error on its own line; a re-run skips every unchanged file', async () => {
    const r = await runCli(['ingest', 'docs', '--dataset', 'depot'], { env, cwd: home });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/dataset depot version 1 \(unchanged\)/);
    expect(r.stdout).toMatch(/files\s+5\s+\(3 unchanged, skipped\)/);
    expect(r.stdout).toMatch(/^error docs\/empty\.txt: .*empty/m);
    expect(r.stdout).toMatch(/^error docs\/fake\.pdf: /m);
  });

  it('a changed file makes version 2; versions and diff show it', async () => {
    writeFileSync(path.join(home, 'docs', 'readme.md'), '# Depot notes\n\nThe depot now opens at seven.\n');
    const s = parseJsonOutput<Summary>(await runCli(['ingest', 'docs', '--dataset', 'depot', '--output', 'json'], { env, cwd: home }));
    expect(s).toMatchObject({ version: 2, versionCreated: true, documents: 1, skipped: 2 });
    const versions = parseJsonOutput<{ versions: Array<{ version: number }> }>(await runCli(['dataset', 'versions', 'depot', '--output', 'json'], { env }));
    expect(versions.versions.map((v) => v.version)).toEqual([1, 2]);
    const diff = await runCli(['dataset', 'diff', 'depot', '1', '2', '--output', 'json'], { env });
    expect(diff.code, diff.stderr).toBe(0);
    const d = parseJsonOutput<{ chunks: { added: number; removed: number; unchanged: number }; documents: { changed: string[] } }>(diff);
    expect(d.documents.changed).toEqual(['docs/readme.md']);
    expect(d.chunks.added).toBeGreaterThan(0);
    expect(d.chunks.removed).toBeGreaterThan(0);
    const text = await runCli(['dataset', 'diff', 'depot', '1', '2'], { env });
    expect(text.stdout).toMatch(/changed\s+docs\/readme\.md/);
    const show = parseJsonOutput<{ dataset: { version: number; label: string }; documents: Array<{ path: string }> }>(await runCli(['dataset', 'show', 'depot', '--output', 'json'], { env }));
    expect(show.dataset).toMatchObject({ version: 2, label: 'SECRET//NOFORN' });
    expect(show.documents.map((x) => x.path).sort()).toEqual(['docs/memo.txt', 'docs/readme.md', 'docs/sub/memo-again.txt']);
  });

  it('exit 2 for a missing path or a bad option, with a clear error', async () => {
    const missing = await runCli(['ingest', 'no/such/folder', '--dataset', 'depot'], { env, cwd: home });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/USAGE.*No such file or folder: no\/such\/folder/);
    const bad = await runCli(['ingest', 'docs', '--dataset', 'depot', '--chunk', 'sentences'], { env, cwd: home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/chunk\.strategy/);
    const noDataset = await runCli(['ingest', 'docs'], { env, cwd: home });
    expect(noDataset.code).toBe(2);
  });

  it('exit 3 when the store fails', async () => {
    const r = await runCli(['ingest', 'docs', '--dataset', 'depot'], { env: { ...env, ASSAY_DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' }, cwd: home });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/STORE_FAILURE/);
  });

  it('a SECRET user cannot list or show a TOP SECRET dataset: same error as a missing one', async () => {
    expect((await runCli(['ingest', 'ts.txt', '--dataset', 'intercepts'], { env, cwd: home })).code).toBe(0);
    const list = parseJsonOutput<{ datasets: Array<{ name: string }> }>(await runCli(['dataset', 'list', '--output', 'json'], { env: secret() }));
    expect(list.datasets.map((d) => d.name)).toEqual(['depot']);
    const all = parseJsonOutput<{ datasets: Array<{ name: string }> }>(await runCli(['dataset', 'list', '--output', 'json'], { env }));
    expect(all.datasets.map((d) => d.name)).toEqual(['depot', 'intercepts']);
    for (const verb of [['show'], ['versions'], ['diff', '1', '1']]) {
      const hidden = await runCli(['dataset', verb[0]!, 'intercepts', ...verb.slice(1)], { env: secret() });
      const missing = await runCli(['dataset', verb[0]!, 'nothere', ...verb.slice(1)], { env: secret() });
      expect(hidden.code).toBe(2);
      expect(hidden.stderr).toMatch(/NOT_FOUND/);
      expect({ code: hidden.code, stderr: hidden.stderr.replace('intercepts', 'X') }).toEqual({ code: missing.code, stderr: missing.stderr.replace('nothere', 'X') });
    }
  });

  it('records every ingest in the audit log', async () => {
    const store = await openStore({ home, databaseUrl: '' });
    try {
      const entries = [];
      for await (const e of openAuditLog(store).scan()) if (e.ok && e.entry.action === 'data.ingest') entries.push(e.entry);
      expect(entries.length).toBeGreaterThanOrEqual(4);
      expect(entries[0]!.object).toMatchObject({ type: 'dataset', id: 'depot', label: 'SECRET//NOFORN' });
      expect(entries[0]!.details).toMatchObject({ files: 5, documents: 3, version: 1 });
    } finally {
      await store.close();
    }
  });
});
