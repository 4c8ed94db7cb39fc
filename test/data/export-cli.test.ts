// `assay dataset export` on the command line: options parsed (including its own --version), bad input refused with
// exit 2, and a missing dataset is NOT_FOUND (end-to-end exports over ingested data: test/cli/dataset-synth.test.ts, test/cli/ingest*.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

let home: string;
beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-export-cli-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

const env = () => ({ ASSAY_HOME: home, ASSAY_DATABASE_URL: '' });

describe('assay dataset export', () => {
  it('lists its options in --help', async () => {
    const r = await runCli(['dataset', 'export', '--help'], { env: env() });
    expect(r.code).toBe(0);
    for (const flag of ['--format', '--version', '--out', '--force', '--max-label', '--include-duplicates', '--keep-pii', '--task']) expect(r.stdout).toContain(flag);
  });

  it('refuses an unknown format with exit 2 and names the formats', async () => {
    const r = await runCli(['dataset', 'export', 'memos', '--format', 'xml', '--out', path.join(home, 'x'), '--output', 'json'], { env: env() });
    expect(r.code).toBe(2);
    expect(parseJsonOutput<{ error: { code: string; hint: string } }>(r).error).toMatchObject({ code: 'USAGE', hint: expect.stringContaining('parquet') });
  });

  it('requires --out', async () => {
    const r = await runCli(['dataset', 'export', 'memos'], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out');
  });

  it('takes its own --version (not the program version) and says when the dataset does not exist', async () => {
    const r = await runCli(['dataset', 'export', 'memos', '--version', '2', '--out', path.join(home, 'm.jsonl'), '--output', 'json'], { env: env() });
    expect(r.stdout).not.toMatch(/^\d+\.\d+\.\d+\s*$/);
    expect(parseJsonOutput<{ error: { code: string; message: string } }>(r).error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('memos') });
    expect(r.code).toBe(2);
  });
});
