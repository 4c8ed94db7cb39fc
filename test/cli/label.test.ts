// `assay label` as a user runs it: an admin creates a task and imports, annotators (signed in with tokens) take their
// queue and annotate, a second person reviews, and agreement reproduces the reference Cohen's κ.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KyselyIdentityStore } from '../../src/governance/identity/kysely-identity-store.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

let home: string;
const env: NodeJS.ProcessEnv = {};
const tokens: Record<string, string> = {};
const as = (user?: string) => ({ env: { ...env, ...(user ? { ASSAY_USER: user, ASSAY_TOKEN: tokens[user] } : {}) } });
const file = (name: string, rows: readonly unknown[]) => {
  const p = path.join(home, name);
  writeFileSync(p, rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
  return p;
};

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-label-cli-'));
  Object.assign(env, { ASSAY_HOME: home, ASSAY_DATABASE_URL: '', ASSAY_MASTER_KEY: randomBytes(32).toString('base64'), ASSAY_CLEARANCE: 'TOP SECRET' });
  const store = (await openStore({ home, databaseUrl: '' })) as KyselyStore;
  const identity = new KyselyIdentityStore({ db: store.db });
  for (const id of ['alice', 'bob']) {
    await identity.createUser({ id, name: id, roles: ['annotator'], clearance: 'SECRET' });
    tokens[id] = (await identity.issueToken(id)).token;
  }
  await store.close();
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('assay label', () => {
  let taskId = '';

  it('create → import → agreement reproduces κ = 0.40; bad rows are named by line', async () => {
    const items = file('items.jsonl', [...Array.from({ length: 50 }, (_, i) => ({ id: `q${i}`, text: `item ${i}` })), { id: 'extra', text: 'Is the depot moving?' }, { id: 'ts', text: 'above them', label: 'TOP SECRET' }]);
    const created = await runCli(['label', 'create', '--name', 'relevance', '--kind', 'classification', '--choices', 'yes,no', '--file', items, '--annotators', 'alice,bob', '--per-item', '2', '--output', 'json'], as());
    expect(created.code, created.stderr).toBe(0);
    const c = parseJsonOutput<{ task: { id: string; label: string }; items: number; shortfalls: unknown[]; load: Record<string, number> }>(created);
    taskId = c.task.id;
    expect(c).toMatchObject({ items: 52, load: { alice: 51, bob: 51 }, task: { label: 'TOP SECRET' } });
    expect(c.shortfalls).toEqual([{ itemId: 'ts', wanted: 2, got: 0 }]);

    const pairs = [...Array(20).fill(['yes', 'yes']), ...Array(5).fill(['yes', 'no']), ...Array(10).fill(['no', 'yes']), ...Array(15).fill(['no', 'no'])] as [string, string][];
    const rows = [...pairs.flatMap(([a, b], i) => [{ item: `q${i}`, annotator: 'alice', value: a }, { item: `q${i}`, annotator: 'bob', value: b }]), { item: 'q0', annotator: 'alice', value: 'maybe' }, '{broken'];
    const imported = await runCli(['label', 'import', taskId, file('ann.jsonl', rows)], as());
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('imported 100 annotations; 2 rows refused');
    expect(imported.stdout).toMatch(/ann\.jsonl:101: expected one of "yes", "no", got "maybe"/);
    expect(imported.stdout).toMatch(/ann\.jsonl:102: not JSON/);

    const agreement = parseJsonOutput<{ overall: { cohensKappa: { value: number; n: number } } }>(await runCli(['label', 'agreement', taskId, '--output', 'json'], as()));
    expect(agreement.overall.cohensKappa.n).toBe(50);
    expect(agreement.overall.cohensKappa.value).toBeCloseTo(0.4, 10);
  });

  it('an annotator gets only their cleared, open items, annotates, and cannot review their own work', async () => {
    const next = await runCli(['label', 'next', taskId, '--output', 'json'], as('alice'));
    expect(next.code, next.stderr).toBe(0);
    expect(parseJsonOutput<{ items: Array<{ id: string }>; remaining: number }>(next)).toMatchObject({ items: [{ id: 'extra' }], remaining: 0 });
    const ts = await runCli(['label', 'annotate', taskId, 'ts', 'yes'], as('alice'));
    expect(ts.code).toBe(2);
    expect(ts.stderr).toContain('error [NOT_FOUND]');
    const done = parseJsonOutput<{ annotation: { id: string; value: string } }>(await runCli(['label', 'annotate', taskId, 'extra', 'yes', '--output', 'json'], as('alice')));
    expect(done.annotation.value).toBe('yes');
    const own = await runCli(['label', 'review', taskId, 'extra', '--accept', done.annotation.id], as('alice'));
    expect(own.code).toBe(2);
    expect(own.stderr).toContain('error [FORBIDDEN]');
    expect(own.stderr).toContain('own annotation');
    const other = await runCli(['label', 'review', taskId, 'extra', '--set', 'no', '--note', 'per guideline', '--output', 'json'], as('bob'));
    expect(other.code, other.stderr).toBe(0);
  });

  it('consensus, show and export speak JSON; a dataset source is read through the DatasetReader', async () => {
    const consensus = parseJsonOutput<{ counts: Record<string, number>; items: Array<{ itemId: string; status: string; value?: string; source: string }> }>(await runCli(['label', 'consensus', taskId, '--output', 'json'], as()));
    expect(consensus.items.find((i) => i.itemId === 'extra')).toMatchObject({ status: 'resolved', value: 'no', source: 'review' });
    expect(consensus.items.find((i) => i.itemId === 'q0')).toMatchObject({ status: 'resolved', value: 'yes' });
    expect(consensus.items.find((i) => i.itemId === 'q20')).toMatchObject({ status: 'unresolved' });
    expect(consensus.counts).toEqual({ resolved: 36, unresolved: 15, needs_review: 0, unannotated: 1 });

    const show = parseJsonOutput<{ task: { items: number } }>(await runCli(['label', 'show', taskId, '--output', 'json'], as('bob')));
    expect(show.task.items).toBe(51);
    const out = path.join(home, 'export.jsonl');
    const exported = await runCli(['label', 'export', taskId, '--out', out, '--output', 'json'], as());
    expect(exported.code, exported.stderr).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; annotations: unknown[] });
    expect(lines).toHaveLength(52);
    expect(lines.find((l) => l.id === 'q0')!.annotations).toHaveLength(2);

    const pairwise = await runCli(['label', 'create', '--name', 'd', '--kind', 'pairwise', '--dataset', 'memos', '--annotators', 'alice', '--per-item', '1'], as());
    expect(pairwise.code).toBe(2);
    expect(pairwise.stderr).toContain('error [USAGE]: A pairwise task needs two responses per prompt');
    const missing = await runCli(['label', 'create', '--name', 'd', '--kind', 'classification', '--choices', 'a,b', '--dataset', 'nosuch', '--annotators', 'alice', '--per-item', '1'], as());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error [NOT_FOUND]');
  });
});
