// `assay serve` as a client sees it: real HTTP and HTTPS servers, real SQLite, password/token/client-certificate
// sign-in, and the same access rules as the CLI (a SECRET viewer cannot see, read or report on a TOP SECRET run).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader } from '../../src/data/dataset/index.js';
import type { DatasetReader } from '../../src/data/dataset/dataset-types.js';
import { ingest } from '../../src/data/ingest/index.js';
import { openAuditLog } from '../../src/governance/audit/open-audit-log.js';
import { localOperator } from '../../src/governance/identity/local-operator.js';
import type { AuditLog } from '../../src/governance/audit/audit-log.js';
import { KyselyIdentityStore } from '../../src/governance/identity/kysely-identity-store.js';
import { startServer, type RunningServer } from '../../src/server/serve.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';
import { makeResult, makeRun } from '../../src/store/store-test-fixtures.js';

let dir: string;
let store: KyselyStore;
let identities: KyselyIdentityStore;
let audit: AuditLog;
let server: RunningServer;
let datasets: DatasetReader;
const PASSWORD = 'correct horse battery staple 42';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'assay-server-'));
  store = (await openStore({ home: dir, databaseUrl: '' })) as KyselyStore;
  identities = new KyselyIdentityStore({ db: store.db });
  audit = openAuditLog(store, { actor: 'server', keyFile: path.join(dir, 'keys', 'audit.pem'), anchorFile: path.join(dir, 'keys', 'head.json') });
  await identities.createUser({ id: 'sam', name: 'Sam Secret', roles: ['evaluator'], clearance: 'SECRET' });
  await identities.setPassword('sam', PASSWORD);
  await identities.createUser({ id: 'tess', name: 'Tess Top', roles: ['viewer'], clearance: 'TOP SECRET//SI' });
  await store.createRun(makeRun({ id: 'run-secret', label: 'SECRET' }));
  await store.saveSampleResult(makeResult('run-secret', 's1', 1, { label: 'SECRET' }));
  await store.createRun(makeRun({ id: 'run-ts', label: 'TOP SECRET//SI' }));
  await store.saveSampleResult(makeResult('run-ts', 's1', 1, { label: 'TOP SECRET//SI' }));
  const docs = path.join(dir, 'docs');
  mkdirSync(docs);
  writeFileSync(path.join(docs, 'memo.txt'), 'SECRET\n\n(S) The convoy leaves at dawn from the north gate of the depot.\n\nSECRET\n');
  writeFileSync(path.join(docs, 'brief.txt'), 'TOP SECRET//SI\n\n(TS//SI) The intercept schedule for the coming week is attached below.\n\nTOP SECRET//SI\n');
  const admin = localOperator({ clearance: 'TOP SECRET//SI//NOFORN' });
  await ingest({ paths: [path.join(docs, 'memo.txt')], dataset: 'memos' }, { db: store.db, cipher: store.cipher, actor: admin });
  await ingest({ paths: [path.join(docs, 'brief.txt')], dataset: 'briefs' }, { db: store.db, cipher: store.cipher, actor: admin });
  datasets = createDatasetReader(store, store.cipher);
  server = await startServer({ host: '127.0.0.1', port: 0 }, { store, identities, audit, datasets, maxFailedLogins: 3 });
});

afterAll(async () => {
  await server?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = (p: string, init: RequestInit = {}) => fetch(`${server.url}${p}`, init);
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

async function login(user: string, password: string): Promise<Response> {
  return api('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, password }) });
}

describe('HTTP API', () => {
  it('refuses every route without a credential, with one message that names no account', async () => {
    const r = await api('/api/runs');
    expect(r.status).toBe(401);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = (await r.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect((await (await api('/api/runs', bearer('not-a-token'))).json()) as unknown).toEqual(body);
  });

  it('password login gives a session token; wrong passwords for real and unknown users get the same answer; lock-out after 3', async () => {
    const wrong = await login('sam', 'nope');
    const ghost = await login('ghost', 'nope');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toBe(await ghost.text());
    await login('sam', 'nope');
    await login('sam', 'nope');
    const locked = await login('sam', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a SECRET viewer lists, reads and reports only what their clearance dominates; hidden and missing runs look the same', async () => {
    const { token } = (await identities.issueToken('sam', { name: 'test' }));
    const me = (await (await api('/api/me', bearer(token))).json()) as { id: string; clearance: string };
    expect(me).toMatchObject({ id: 'sam', clearance: 'SECRET' });

    const list = (await (await api('/api/runs', bearer(token))).json()) as { runs: Array<{ id: string; label: string }> };
    expect(list.runs.map((r) => r.id)).toEqual(['run-secret']);

    const ok = await api('/api/runs/run-secret', bearer(token));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-assay-label')).toBe('SECRET');

    for (const route of ['/api/runs/%s', '/api/runs/%s/report?format=md', '/api/runs/%s/report?format=json']) {
      const hidden = await api(route.replace('%s', 'run-ts'), bearer(token));
      const missing = await api(route.replace('%s', 'run-ts'.replace('ts', 'xx')), bearer(token));
      expect(hidden.status).toBe(404);
      expect(missing.status).toBe(404);
      const [h, m] = [(await hidden.json()) as { error: { message: string } }, (await missing.json()) as { error: { message: string } }];
      expect(h.error.message.replace('run-ts', 'ID')).toBe(m.error.message.replace('run-xx', 'ID'));
    }

    const md = await api('/api/runs/run-secret/report?format=md', bearer(token));
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(await md.text()).toContain('SECRET');

    const tess = (await identities.issueToken('tess', { name: 'test' })).token;
    const all = (await (await api('/api/runs', bearer(tess))).json()) as { runs: Array<{ id: string }> };
    expect(all.runs.map((r) => r.id).sort()).toEqual(['run-secret', 'run-ts']);
    // A viewer may read but not export: the report route is an export.
    expect((await api('/api/runs/run-ts/report?format=md', bearer(tess))).status).toBe(403);
  });

  it('datasets obey the same rule: listed, shown or NOT_FOUND exactly as if missing', async () => {
    const { token } = await identities.issueToken('sam', { name: 'test' });
    const list = (await (await api('/api/datasets', bearer(token))).json()) as { datasets: Array<{ name: string }> };
    expect(list.datasets.map((d) => d.name)).toEqual(['memos']);
    const shown = await api('/api/datasets/memos', bearer(token));
    expect(shown.status).toBe(200);
    expect(shown.headers.get('x-assay-label')).toBe('SECRET');
    const hidden = await api('/api/datasets/briefs', bearer(token));
    const missing = await api('/api/datasets/nosuch', bearer(token));
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    const text = async (r: Response, name: string) => (await r.text()).replace(name, 'X');
    expect(await text(hidden, 'briefs')).toBe(await text(missing, 'nosuch'));
    const tess = (await identities.issueToken('tess', { name: 'test' })).token;
    const all = (await (await api('/api/datasets', bearer(tess))).json()) as { datasets: Array<{ name: string }> };
    expect(all.datasets.map((d) => d.name).sort()).toEqual(['briefs', 'memos']);
  });

  it('logout revokes the session token', async () => {
    const { token } = await identities.issueToken('tess', { name: 'session' });
    expect((await api('/api/logout', { method: 'POST', ...bearer(token) })).status).toBe(200);
    expect((await api('/api/me', bearer(token))).status).toBe(401);
  });

  it('audits logins, denied reads and report writes, with no password or token anywhere in the log or database', async () => {
    const out = path.join(dir, 'audit.jsonl');
    const { exportAuditLog } = await import('../../src/governance/audit/export-audit-log.js');
    await exportAuditLog({ log: audit, format: 'jsonl', out });
    const text = readFileSync(out, 'utf8');
    const entries = text.trim().split('\n').map((l) => JSON.parse(l) as { action: string; outcome: string; object: { id: string } });
    expect(entries.some((e) => e.action === 'login' && e.outcome === 'failure')).toBe(true);
    expect(entries.some((e) => e.action === 'read' && e.outcome === 'denied' && e.object.id === 'run-ts')).toBe(true);
    expect(entries.some((e) => e.action === 'report.write')).toBe(true);
    expect(text).not.toContain(PASSWORD);
    expect(readFileSync(path.join(dir, 'assay.db')).includes(Buffer.from(PASSWORD))).toBe(false);
  });
});

describe('HTTPS with client certificates (mTLS)', () => {
  let tls: RunningServer;
  let certs: string;
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: certs, stdio: 'pipe' });

  beforeAll(async () => {
    certs = path.join(dir, 'pki');
    execFileSync('mkdir', ['-p', certs]);
    openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=Assay Test CA');
    const issue = (name: string, cn: string, ext: string) => {
      openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${cn}`);
      writeFileSync(path.join(certs, `${name}.ext`), ext);
      openssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1', '-extfile', `${name}.ext`);
    };
    issue('server', '127.0.0.1', 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
    issue('sam', 'sam', 'extendedKeyUsage=clientAuth\n');
    issue('mallory', 'mallory', 'extendedKeyUsage=clientAuth\n');
    tls = await startServer(
      { host: '127.0.0.1', port: 0, tls: { cert: path.join(certs, 'server.pem'), key: path.join(certs, 'server.key'), clientCa: path.join(certs, 'ca.pem') } },
      { store, identities, audit },
    );
  });
  afterAll(async () => {
    await tls?.close();
  });

  function get(p: string, client?: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(`${tls.url}${p}`, {
        ca: readFileSync(path.join(certs, 'ca.pem')),
        ...(client ? { cert: readFileSync(path.join(certs, `${client}.pem`)), key: readFileSync(path.join(certs, `${client}.key`)) } : {}),
      }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('a certificate whose CN is a user signs in as that user; an unknown CN is refused; no certificate fails the handshake', async () => {
    const me = await get('/api/me', 'sam');
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ id: 'sam', clearance: 'SECRET' });
    const runs = JSON.parse((await get('/api/runs', 'sam')).body) as { runs: Array<{ id: string }> };
    expect(runs.runs.map((r) => r.id)).toEqual(['run-secret']);
    expect((await get('/api/me', 'mallory')).status).toBe(401);
    await expect(get('/api/me')).rejects.toThrow();
  });
});
