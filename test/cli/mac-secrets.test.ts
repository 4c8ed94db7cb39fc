// Passwords and API tokens through the real CLI: the password never goes on argv, neither secret reaches any output
// (except the one-time display of a new token), the database, the WAL, or the audit log, and sign-in is audited.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli, type CliResult } from '../helpers/cli.js';

const PASSWORD = 'never-in-argv passphrase 7';
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-secrets-'));
  env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '', ASSAY_CLEARANCE: '', ASSAY_USER: '' };
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('secrets stay secret', () => {
  it('password from ASSAY_NEW_PASSWORD, token shown once; sign-ins work and fail cleanly; nothing leaks', async () => {
    const outputs: CliResult[] = [];
    const run = async (args: string[], extra: NodeJS.ProcessEnv = {}) => {
      const r = await runCli(args, { env: { ...env, ...extra } });
      outputs.push(r);
      return r;
    };
    expect((await run(['users', 'add', 'ann', '--roles', 'viewer', '--clearance', 'SECRET', '--password'], { ASSAY_NEW_PASSWORD: PASSWORD })).code).toBe(0);
    // No password source at all (stdin is not a pipe here and the env var is unset): a usage error, not a prompt or a hang.
    expect((await run(['users', 'passwd', 'ann'])).code).toBe(2);
    const created = await runCli(['users', 'token', 'create', 'ann', '--output', 'json'], { env });
    const token = parseJsonOutput<{ token: string }>(created).token;
    expect(token).toMatch(/^assay_/);

    expect((await run(['runs'], { ASSAY_USER: 'ann', ASSAY_PASSWORD: PASSWORD })).code).toBe(0);
    expect((await run(['runs'], { ASSAY_USER: 'ann', ASSAY_TOKEN: token })).code).toBe(0);
    const wrong = await run(['runs', '--output', 'json'], { ASSAY_USER: 'ann', ASSAY_PASSWORD: `${PASSWORD}x` });
    expect(wrong.code).toBe(2);
    expect(parseJsonOutput<{ error: { code: string } }>(wrong).error.code).toBe('UNAUTHENTICATED');
    const badToken = await run(['runs'], { ASSAY_USER: 'ann', ASSAY_TOKEN: `${token}x` });
    expect(badToken.stderr).toContain('UNAUTHENTICATED');
    // A viewer may not manage users, whatever they pass.
    expect((await run(['users', 'list'], { ASSAY_USER: 'ann', ASSAY_TOKEN: token })).stderr).toContain('FORBIDDEN');

    const auditFile = path.join(home, 'audit.jsonl');
    expect((await run(['audit', 'export', '--format', 'jsonl', '--out', auditFile])).code).toBe(0);
    const audit = readFileSync(auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; outcome: string; actor: string; details: Record<string, unknown> });
    expect(audit.filter((e) => e.action === 'login').map((e) => [e.actor, e.outcome, e.details.method])).toEqual([
      ['ann', 'success', 'password'], ['ann', 'success', 'token'], ['ann', 'failure', 'password'], ['ann', 'failure', 'token'], ['ann', 'success', 'token'],
    ]);
    expect(audit.filter((e) => e.action === 'permission.change').map((e) => e.details.verb)).toEqual(['add', 'token.create']);

    const files = [auditFile, ...['assay.db', 'assay.db-wal'].map((f) => path.join(home, f)).filter(existsSync)];
    if (existsSync(path.join(home, 'reports'))) files.push(...readdirSync(path.join(home, 'reports')).map((f) => path.join(home, 'reports', f)));
    const haystack = [...outputs.map((r) => r.stdout + r.stderr), ...files.map((f) => readFileSync(f).toString('latin1'))].join('\n');
    expect(readFileSync(path.join(home, 'assay.db')).toString('latin1')).toContain('$scrypt$');
    for (const secret of [PASSWORD, token, token.slice('assay_'.length)]) expect(haystack).not.toContain(secret);
  }, 60_000);
});
