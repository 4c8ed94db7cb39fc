// `assay audit verify|export|checkpoint` as users meet them, and the run/report events the other verbs leave.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

const FIX = path.resolve(import.meta.dirname, '../fixtures/eval');
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-audit-cli-'));
  env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '', ASSAY_AUDIT_KEY_FILE: '' };
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

function exportedJsonl(file: string): Array<Record<string, unknown>> {
  return readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('assay audit', () => {
  let runId: string;

  it('verifies an empty log', async () => {
    const r = await runCli(['audit', 'verify', '--output', 'json'], { env });
    expect(r.code).toBe(0);
    expect(parseJsonOutput(r)).toEqual({ ok: true, entries: 0, checkpoints: 0 });
  });

  it('an `assay eval` run leaves run.start and run.finish entries by the local operator', async () => {
    const ev = await runCli(['eval', path.join(FIX, 'arith.jsonl'), '--model', 'mock/echo', '--scorer', 'includes', '--output', 'json', '-q'], { env });
    expect(ev.code === 0 || ev.code === 1).toBe(true);
    runId = parseJsonOutput<{ runId: string }>(ev).runId;
    const out = path.join(home, 'audit.jsonl');
    const ex = await runCli(['audit', 'export', '--format', 'jsonl', '--out', out, '--output', 'json'], { env });
    expect(ex.code).toBe(0);
    expect(parseJsonOutput(ex)).toEqual({ format: 'jsonl', path: out, lines: 2 });
    const lines = exportedJsonl(out);
    expect(lines.map((l) => [l.seq, l.action, (l.object as { id: string }).id])).toEqual([[1, 'run.start', runId], [2, 'run.finish', runId]]);
    expect(lines[0]!.actor).toMatch(/^local:[^@]+@.+$/);
    expect(lines[1]).toMatchObject({ outcome: 'success', details: { status: 'completed' }, prevHash: lines[0]!.hash });
  });

  it('concurrent `assay report` processes each add one report.write entry to one chain', async () => {
    const outs = [0, 1, 2, 3].map((i) => path.join(home, `r${i}.md`));
    const results = await Promise.all(outs.map((out) => runCli(['report', runId, '--format', 'md', '--out', out], { env })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    const v = await runCli(['audit', 'verify', '--output', 'json'], { env });
    // 2 run entries and 1 audit export before; each report adds a read of the run, a report.write and an export (--out).
    expect(parseJsonOutput(v)).toEqual({ ok: true, entries: 3 + 4 * 3, checkpoints: 0 });
    const out = path.join(home, 'audit2.jsonl');
    await runCli(['audit', 'export', '--format', 'jsonl', '--out', out], { env });
    const entries = exportedJsonl(out);
    const reports = entries.filter((l) => l.action === 'report.write');
    expect(reports.map((l) => (l.details as { path: string }).path).sort()).toEqual([...outs].sort());
    expect(entries.filter((l) => l.action === 'read' && (l.object as { id: string }).id === runId)).toHaveLength(4);
    expect(entries.map((l) => l.seq)).toEqual(entries.map((_l, i) => i + 1));
  });

  it('signs a checkpoint with a 0600 key under $ASSAY_HOME/keys, and exports syslog', async () => {
    const r = await runCli(['audit', 'checkpoint', '--output', 'json'], { env });
    expect(r.code).toBe(0);
    const { checkpoint } = parseJsonOutput<{ checkpoint: { seq: number; signature: string } }>(r);
    expect(checkpoint.seq).toBe(3 + 4 * 3 + 1);
    expect(statSync(path.join(home, 'keys', 'audit-signing.pem')).mode & 0o777).toBe(0o600);
    const log = path.join(home, 'audit.log');
    expect((await runCli(['audit', 'export', '--format', 'syslog', '--out', log], { env })).code).toBe(0);
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^<110>1 \S+ \S+ assay - run\.start \[assay@32473 seq="1" /);
    expect(lines.some((l) => l.includes(` audit.checkpoint [assay@32473 seq="${3 + 4 * 3 + 1}" `))).toBe(true);
    expect((await runCli(['audit', 'verify', '--output', 'json'], { env })).code).toBe(0);
    const bad = await runCli(['audit', 'export', '--format', 'csv', '--out', log], { env });
    expect(bad.code).toBe(2);
  });

  it('reports tampering in the database with exit 1 and the first bad seq, and refuses to sign over it', async () => {
    const db = new BetterSqlite3(path.join(home, 'assay.db'));
    try {
      // The database refuses the edit (append-only triggers)…
      expect(() => db.prepare(`update audit_log set actor = 'local:mallory@host' where seq = 2`).run()).toThrow(/append-only/);
      expect(() => db.prepare(`delete from audit_log where seq = 1`).run()).toThrow(/append-only/);
      // …so the attacker, who owns the file, drops the trigger first; verify must still catch the edit.
      db.prepare(`drop trigger audit_log_no_update`).run();
      db.prepare(`update audit_log set actor = 'local:mallory@host' where seq = 2`).run();
    } finally {
      db.close();
    }
    const r = await runCli(['audit', 'verify', '--output', 'json'], { env });
    expect(r.code).toBe(1);
    expect(parseJsonOutput(r)).toMatchObject({ ok: false, firstBad: { seq: 2, reason: expect.stringContaining('edited') } });
    const text = await runCli(['audit', 'verify'], { env });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('TAMPERED at entry 2');
    const c = await runCli(['audit', 'checkpoint'], { env });
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('refusing to sign');
  });
});
