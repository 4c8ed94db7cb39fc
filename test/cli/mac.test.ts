// End to end through the real CLI: a user cleared SECRET cannot read, list, export, report on, compare, resume,
// relabel or infer the existence of a TOP SECRET run by any verb; the banner of what they may read is the roll-up;
// the two-person downgrade then makes the run visible to them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuditLog, type AuditEntry } from '../../src/governance/audit/index.js';
import { openStore } from '../../src/store/open-store.js';
import { parseJsonOutput, runCli, type CliResult } from '../helpers/cli.js';

let home: string;
let env: NodeJS.ProcessEnv;
const secret = () => ({ ...env, ASSAY_CLEARANCE: 'SECRET//NOFORN' });
const ids: Record<'ts' | 's' | 'mixed', string> = { ts: '', s: '', mixed: '' };

function task(name: string, label: string, withSampleLabels = false): string {
  const dir = path.join(home, name);
  const file = path.join(home, `${name}.yaml`);
  const rows = [
    { id: 'a', input: 'say 1', target: '1', marking: 'SECRET//NOFORN' },
    { id: 'b', input: 'say 2', target: '2', marking: withSampleLabels ? 'TOP SECRET//SI//NOFORN' : 'SECRET//NOFORN' },
  ];
  writeFileSync(`${dir}.jsonl`, rows.map((r) => JSON.stringify(r)).join('\n'));
  writeFileSync(file, [`name: ${name}`, `label: "${label}"`, 'dataset:', `  path: ${name}.jsonl`, `  fields: { id: id, input: input, target: target${withSampleLabels ? ', label: marking' : ''} }`, 'scorers:', '  - type: includes', ''].join('\n'));
  return file;
}

async function evalRun(file: string): Promise<string> {
  const r = await runCli(['eval', file, '--model', 'mock/echo', '--output', 'json', '-q'], { env });
  expect(r.code, r.stderr).toBe(0);
  return parseJsonOutput<{ runId: string }>(r).runId;
}

/** The result with the id replaced, so a hidden run and a missing one can be compared byte for byte. */
const same = (r: CliResult, id: string) => ({ code: r.code, stdout: r.stdout.replaceAll(id, 'ID'), stderr: r.stderr.replaceAll(id, 'ID') });

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-mac-'));
  env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '', ASSAY_CLEARANCE: '', ASSAY_USER: '' };
  ids.ts = await evalRun(task('ts-task', 'TOP SECRET//SI'));
  ids.s = await evalRun(task('s-task', 'SECRET//NOFORN'));
  // Declared SECRET, but one sample is TOP SECRET: the run is TOP SECRET.
  ids.mixed = await evalRun(task('mixed-task', 'SECRET//NOFORN', true));
}, 60_000);
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('a SECRET user and a TOP SECRET run', () => {
  it('runs: the list leaves out the TOP SECRET runs (JSON and text), and shows the SECRET one', async () => {
    const json = parseJsonOutput<{ runs: Array<{ id: string; label: string }> }>(await runCli(['runs', '--output', 'json'], { env: secret() }));
    expect(json.runs.map((r) => r.id)).toEqual([ids.s]);
    expect(json.runs[0]!.label).toBe('SECRET//NOFORN');
    const text = await runCli(['runs'], { env: secret() });
    expect(text.stdout).toContain(ids.s);
    for (const id of [ids.ts, ids.mixed]) expect(text.stdout + text.stderr).not.toContain(id);
    // At the system high (the default local operator) all three are there, under their effective labels.
    const all = parseJsonOutput<{ runs: Array<{ id: string; label: string }> }>(await runCli(['runs', '--output', 'json'], { env }));
    expect(Object.fromEntries(all.runs.map((r) => [r.id, r.label]))).toEqual({ [ids.ts]: 'TOP SECRET//SI', [ids.s]: 'SECRET//NOFORN', [ids.mixed]: 'TOP SECRET//SI//NOFORN' });
  });

  it('every verb answers for a hidden run exactly as for an id that never existed (text and JSON, exit code)', async () => {
    const out = path.join(home, 'out.json');
    const verbs: Array<(id: string) => string[]> = [
      (id) => ['runs', 'show', id],
      (id) => ['runs', 'show', id, '--output', 'json'],
      (id) => ['report', id, '--format', 'md', '--out', path.join(home, 'r.md')],
      (id) => ['report', id, '--format', 'json', '--output', 'json'],
      (id) => ['compare', ids.s, id],
      (id) => ['compare', id, ids.s, '--output', 'json'],
      (id) => ['runs', 'export', id, '--out', out],
      (id) => ['eval', '--resume', id, '--model', 'mock/echo'],
      (id) => ['downgrade', 'request', 'run', id, '--to', 'UNCLASSIFIED', '--reason', 'x'],
    ];
    for (const hidden of [ids.ts, ids.mixed]) {
      const ghost = `${hidden.slice(0, -4)}zzzz`;
      for (const verb of verbs) {
        const a = await runCli(verb(hidden), { env: secret() });
        const b = await runCli(verb(ghost), { env: secret() });
        expect(a.code, verb(hidden).join(' ')).toBe(2);
        expect(same(a, hidden), verb(hidden).join(' ')).toEqual(same(b, ghost));
        expect(a.stderr).toContain('NOT_FOUND');
        expect(a.stdout + a.stderr).not.toMatch(/TOP SECRET/);
      }
    }
  }, 120_000);

  it('what the user may read carries its banner; the roll-up labels a comparison', async () => {
    const show = await runCli(['runs', 'show', ids.s], { env: secret() });
    expect(show.code).toBe(0);
    expect(show.stdout.split('\n')[0]).toBe('SECRET//NOFORN');
    const md = path.join(home, 's.md');
    expect((await runCli(['report', ids.s, '--format', 'md', '--out', md], { env: secret() })).code).toBe(0);
    expect(readFileSync(md, 'utf8')).toContain('SECRET//NOFORN');
    const cmp = parseJsonOutput<{ label: string }>(await runCli(['compare', ids.s, ids.mixed, '--output', 'json'], { env }));
    expect(cmp.label).toBe('TOP SECRET//SI//NOFORN');
    const html = path.join(home, 'mixed.html');
    expect((await runCli(['report', ids.mixed, '--out', html], { env })).code).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('TOP SECRET//SI//NOFORN</div>');
    const exported = path.join(home, 's-export.json');
    expect((await runCli(['runs', 'export', ids.s, '--out', exported], { env: secret() })).code).toBe(0);
    expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({ classification: 'SECRET//NOFORN', run: { id: ids.s } });
  });

  it('the audit log (for the auditor) records the denied reads with the true label, and the allowed ones', async () => {
    const store = await openStore({ home, databaseUrl: '' });
    try {
      const entries: AuditEntry[] = [];
      for await (const e of openAuditLog(store, { keyFile: path.join(home, 'keys', 'audit-signing.pem') }).scan()) if (e.ok) entries.push(e.entry);
      const denied = entries.filter((e) => e.outcome === 'denied' && e.object.id === ids.ts);
      const verbOf = (e: AuditEntry) => e.details.verb ?? e.details.step;
      expect(new Set(denied.map(verbOf))).toEqual(new Set(['show', 'report', 'compare', 'export', 'resume', 'downgrade.request']));
      expect(denied.every((e) => e.object.label === 'TOP SECRET//SI')).toBe(true);
      expect(entries.some((e) => e.action === 'export' && e.outcome === 'success' && e.object.id === ids.s)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('two-person downgrade: requested by one user, refused to the same user, approved by another; then visible', async () => {
    const add = await runCli(['users', 'add', 'carol', '--roles', 'admin', '--clearance', 'TS//SI//NF', '--output', 'json'], { env });
    expect(add.code, add.stderr).toBe(0);
    const tok = parseJsonOutput<{ token: string }>(await runCli(['users', 'token', 'create', 'carol', '--output', 'json'], { env }));
    const carol = { ...env, ASSAY_USER: 'carol', ASSAY_TOKEN: tok.token };

    const req = await runCli(['downgrade', 'request', 'run', ids.mixed, '--to', 'SECRET//NOFORN', '--reason', 'TS sample removed from scope', '--output', 'json'], { env });
    expect(req.code, req.stderr).toBe(0);
    const requestId = parseJsonOutput<{ request: { id: string } }>(req).request.id;
    const self = await runCli(['downgrade', 'approve', requestId], { env });
    expect(self.code).toBe(2);
    expect(self.stderr).toContain('two-person rule');
    // The SECRET user does not see the request either.
    expect(parseJsonOutput<{ requests: unknown[] }>(await runCli(['downgrade', 'list', '--output', 'json'], { env: secret() })).requests).toEqual([]);
    const ok = await runCli(['downgrade', 'approve', requestId, '--output', 'json'], { env: carol });
    expect(ok.code, ok.stderr).toBe(0);
    expect(parseJsonOutput<{ request: { status: string; approvedBy: string } }>(ok).request).toMatchObject({ status: 'approved', approvedBy: 'carol' });

    const runs = parseJsonOutput<{ runs: Array<{ id: string }> }>(await runCli(['runs', '--output', 'json'], { env: secret() }));
    expect(runs.runs.map((r) => r.id).sort()).toEqual([ids.s, ids.mixed].sort());
    const bad = await runCli(['runs'], { env: { ...env, ASSAY_USER: 'carol', ASSAY_TOKEN: `${tok.token}x` } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('UNAUTHENTICATED');
    expect(bad.stderr).not.toContain(tok.token);
    // The token is stored as a hash only.
    expect(readFileSync(path.join(home, 'assay.db')).toString('latin1')).not.toContain(tok.token);
  }, 60_000);

  it('roles gate the verbs: a viewer may read but not run evals, ingest or read the audit log', async () => {
    await runCli(['users', 'add', 'vic', '--roles', 'viewer', '--clearance', 'SECRET', '--output', 'json'], { env });
    const tok = parseJsonOutput<{ token: string }>(await runCli(['users', 'token', 'create', 'vic', '--output', 'json'], { env }));
    const vic = { ...env, ASSAY_USER: 'vic', ASSAY_TOKEN: tok.token };
    expect((await runCli(['runs', '--output', 'json'], { env: vic })).code).toBe(0);
    for (const args of [['eval', 'demo', '--model', 'mock/echo'], ['ingest', home, '--dataset', 'x'], ['audit', 'verify']]) {
      const r = await runCli(args, { env: vic });
      expect([args[0], r.code], r.stderr).toEqual([args[0], 2]);
      expect(r.stderr).toContain('FORBIDDEN');
    }
  }, 60_000);

});
