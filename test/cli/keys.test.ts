// `assay keys status|rotate|rewrap` as users meet them: counts per key id, rotation with --drop-retired, refusal while a
// value still needs a retired (or foreign) key, the ASSAY_MASTER_KEY mode, audit entries, and no key bytes printed.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

interface Status { source: string; current: string; retired: string[]; columns: { table: string; column: string; byKey: Record<string, number>; plaintext: number }[]; files: Record<string, number> }

let dir: string;
let data: string;
let answers: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'assay-keys-'));
  data = path.join(dir, 'data.jsonl');
  answers = path.join(dir, 'answers.jsonl');
  writeFileSync(data, Array.from({ length: 4 }, (_, i) => JSON.stringify({ id: `s${i}`, input: `Q ${i}`, target: 'blue' })).join('\n') + '\n');
  writeFileSync(answers, `${JSON.stringify({ match: 'Q', response: 'The sky is blue.' })}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const evalArgs = () => ['eval', data, '--model', 'mock/answer-key', '-M', `answers_file=${answers}`, '--scorer', 'includes', '--output', 'json', '-q'];
const tokens = (s: Status, table: string, column: string) => s.columns.find((c) => c.table === table && c.column === column)?.byKey ?? {};

describe('assay keys with a key file', () => {
  const home = () => path.join(dir, 'home');
  const env = () => ({ ASSAY_HOME: home(), ASSAY_DATABASE_URL: '' });
  const status = async () => parseJsonOutput<Status>(await runCli(['keys', 'status', '--output', 'json'], { env: env() }));

  it('rotates, re-wraps every column and the sealed report, drops the retired key, and audits it', async () => {
    const ev = await runCli(evalArgs(), { env: env() });
    expect(ev.code).toBe(0);
    const { runId } = parseJsonOutput<{ runId: string }>(ev);
    expect((await runCli(['report', runId, '--format', 'html'], { env: env() })).code).toBe(0);
    const s0 = await status();
    const k0 = s0.current;
    expect(s0.retired).toEqual([]);
    expect(tokens(s0, 'sample_results', 'output')).toEqual({ [k0]: 4 });
    expect(tokens(s0, 'model_calls', 'request')).toEqual({ [k0]: 4 });
    expect(s0.files).toEqual({ [k0]: 1 });

    const r = await runCli(['keys', 'rotate', '--drop-retired', '--batch-size', '3', '--output', 'json'], { env: env() });
    expect(r.code).toBe(0);
    const out = parseJsonOutput<{ current: string; dropped: string[]; columns: { table: string; column: string; rewrapped: number }[]; remaining: unknown }>(r);
    expect(out.current).not.toBe(k0);
    expect(out.dropped).toEqual([k0]);
    expect(out.remaining).toEqual({ tokens: 0, files: 0 });
    expect(out.columns.find((c) => c.table === 'sample_results' && c.column === 'output')?.rewrapped).toBe(4);

    const s1 = await status();
    expect(s1).toMatchObject({ current: out.current, retired: [], files: { [out.current]: 1 } });
    expect(tokens(s1, 'sample_results', 'output')).toEqual({ [out.current]: 4 });
    // Same count per column as before, all under the new key.
    for (const c of s0.columns) expect(Object.values(tokens(s1, c.table, c.column)).reduce((a, b) => a + b, 0)).toBe(Object.values(c.byKey).reduce((a, b) => a + b, 0));

    // No key bytes in any output; the data still reads (a plaintext export with --out).
    const keyFile = JSON.parse(readFileSync(path.join(home(), 'keys', 'master.key'), 'utf8')) as { keys: Record<string, string> };
    expect(Object.keys(keyFile.keys)).toEqual([out.current]);
    for (const b64 of Object.values(keyFile.keys)) expect(r.stdout + r.stderr + JSON.stringify(s1)).not.toContain(b64);
    const exported = path.join(dir, 'after.json');
    expect((await runCli(['report', runId, '--format', 'json', '--out', exported], { env: env() })).code).toBe(0);
    expect(readFileSync(exported, 'utf8')).toContain('The sky is blue.');

    const auditFile = path.join(dir, 'audit.jsonl');
    expect((await runCli(['audit', 'export', '--format', 'jsonl', '--out', auditFile], { env: env() })).code).toBe(0);
    const changes = readFileSync(auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; details: { change?: string } }).filter((e) => e.action === 'config.change');
    expect(changes.map((e) => e.details.change)).toEqual(['master-key.rotate', 'master-key.rewrap', 'master-key.drop-retired']);
  });

  it('keeps retired keys when a value cannot be re-wrapped (here: written under a foreign ASSAY_MASTER_KEY)', async () => {
    const foreign = randomBytes(32).toString('base64');
    // --no-cache: the cached answers are sealed under the key file's key, which this process does not hold.
    expect((await runCli([...evalArgs(), '--no-cache'], { env: { ...env(), ASSAY_MASTER_KEY: foreign } })).code).toBe(0);
    expect((await runCli(['keys', 'rotate', '--output', 'json'], { env: env() })).code).toBe(0);
    const before = await status();
    expect(before.retired).toHaveLength(1);
    const r = await runCli(['keys', 'rewrap', '--drop-retired', '--output', 'json'], { env: env() });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/Retired keys kept: .*\(\d+ failed to re-wrap\)/);
    expect((await status()).retired).toEqual(before.retired);
  });
});

describe('assay keys with ASSAY_MASTER_KEY', () => {
  it('refuses to rotate silently; --print-new-key prints one new key and its steps; status never shows key bytes', async () => {
    const current = randomBytes(32).toString('base64');
    const env = { ASSAY_HOME: path.join(dir, 'env-home'), ASSAY_DATABASE_URL: '', ASSAY_MASTER_KEY: current };
    const refused = await runCli(['keys', 'rotate'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('ASSAY_MASTER_KEY');
    const r = await runCli(['keys', 'rotate', '--print-new-key', '--output', 'json'], { env });
    expect(r.code).toBe(0);
    const out = parseJsonOutput<{ newKey: string; newKeyId: string; steps: string[] }>(r);
    expect(Buffer.from(out.newKey, 'base64')).toHaveLength(32);
    expect(r.stdout).not.toContain(current);
    // The operator prepends the new key; a rewrap pass then moves the data and --drop-retired says what to remove.
    const rotatedEnv = { ...env, ASSAY_MASTER_KEY: `${out.newKey},${current}` };
    const st = await runCli(['keys', 'status', '--output', 'json'], { env: rotatedEnv });
    expect(parseJsonOutput<Status>(st)).toMatchObject({ source: 'ASSAY_MASTER_KEY', current: out.newKeyId });
    expect(st.stdout).not.toContain(out.newKey);
    const rw = await runCli(['keys', 'rewrap', '--drop-retired'], { env: rotatedEnv });
    expect(rw.code).toBe(0);
    expect(rw.stderr).toMatch(/remove the retired keys .* from ASSAY_MASTER_KEY/);
  });
});
