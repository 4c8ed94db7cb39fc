// The labelling service end to end on real SQLite and PostgreSQL: reference κ/α values reproduced through import,
// MAC on assignment and annotation, two-person review, consensus with reviews, bad import rows by line, sealed storage.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { memoryDatasetReader } from '../helpers/memory-datasets.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChunkRecord, DatasetReader } from '../../src/data/dataset/dataset-types.js';
import { createLabelService, type LabelService } from '../../src/data/label/index.js';
import { KyselyAuditLog } from '../../src/governance/audit/kysely-audit-log.js';
import { ENCRYPTED_COLUMNS } from '../../src/governance/crypto/encrypted-columns.js';
import { keyringCipher } from '../../src/governance/crypto/field-cipher.js';
import { rewrapColumns } from '../../src/governance/crypto/rewrap-columns.js';
import { Keyring } from '../../src/governance/crypto/keyring.js';
import { generateMasterKey } from '../../src/governance/crypto/master-key.js';
import { KyselyIdentityStore } from '../../src/governance/identity/kysely-identity-store.js';
import type { NewUser, User } from '../../src/governance/identity/user.js';
import { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { makeResult, makeRun } from '../../src/store/store-test-fixtures.js';

const PG_URL = process.env.ASSAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Harness {
  store: KyselyStore;
  labels: LabelService;
  keyring: Keyring;
  audit: KyselyAuditLog;
  identity: KyselyIdentityStore;
  dir: string;
  user(input: Omit<NewUser, 'name'>): Promise<User>;
  file(name: string, rows: readonly unknown[]): string;
  cleanup(): Promise<void>;
}

const CHUNKS: ChunkRecord[] = ['UNCLASSIFIED', 'SECRET', 'TOP SECRET'].map((label, i) => ({
  id: String(i).repeat(64),
  documentId: `doc-${i}`,
  text: `chunk ${i} text`,
  label,
  portionMarks: [],
  tokenCount: 3,
  pii: { types: [], spans: [] },
  lineage: { source: { path: `${i}.txt`, sha256: 'f'.repeat(64) }, elementIds: [], charStart: 0, charEnd: 12, transformations: [] },
  metadata: {},
}));

const datasets: DatasetReader = memoryDatasetReader(CHUNKS, { label: 'TOP SECRET' });

async function harness(dialect: 'sqlite' | 'postgres'): Promise<Harness> {
  const dir = mkdtempSync(path.join(tmpdir(), 'assay-label-'));
  const schema = `label_${randomBytes(6).toString('hex')}`;
  const store = (await (dialect === 'sqlite' ? openStore({ home: dir, databaseUrl: '' }) : openStore({ databaseUrl: PG_URL, schema }))) as KyselyStore;
  const identity = new KyselyIdentityStore({ db: store.db });
  const audit = new KyselyAuditLog({ db: store.db, dialect: store.dialect, actor: 'local:tester@host', keyFile: path.join(dir, 'audit.pem') });
  const keyring = new Keyring(generateMasterKey());
  const labels = createLabelService({ store, cipher: keyringCipher(keyring), identity, audit, datasets });
  let n = 0;
  return {
    store,
    labels,
    keyring,
    audit,
    identity,
    dir,
    user: (input) => identity.createUser({ name: input.id, ...input }),
    file: (name, rows) => {
      const p = path.join(dir, `${++n}-${name}`);
      writeFileSync(p, rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n');
      return p;
    },
    cleanup: async () => {
      await store.close();
      if (dialect === 'postgres') {
        const admin = await createPostgresStore({ url: PG_URL });
        await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
        await admin.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ADMIN: NewUser = { id: 'root', name: 'root', roles: ['admin'], clearance: 'TOP SECRET' };

describe.each(['sqlite', 'postgres'] as const)('labelling on %s', (dialect) => {
  let h: Harness;
  let admin: User;
  beforeAll(async () => {
    h = await harness(dialect);
    admin = await h.user(ADMIN);
  });
  afterAll(async () => h?.cleanup());

  it("reproduces Cohen's κ = 0.40 (50 items: 20 yes-yes, 5 yes-no, 10 no-yes, 15 no-no) through create, import and agreement", async () => {
    await h.user({ id: 'alice', roles: ['annotator'], clearance: 'SECRET' });
    await h.user({ id: 'bob', roles: ['annotator'], clearance: 'SECRET' });
    const items = h.file('items.jsonl', Array.from({ length: 50 }, (_, i) => ({ id: `q${i}`, text: `Is item ${i} relevant?` })));
    const { task, items: count, load } = await h.labels.createTask(admin, { name: 'relevance', spec: { kind: 'classification', choices: ['yes', 'no'] }, source: { type: 'file', path: items }, annotators: ['alice', 'bob'], perItem: 2 });
    expect(count).toBe(50);
    expect(load).toEqual({ alice: 50, bob: 50 });
    const pairs = [...Array(20).fill(['yes', 'yes']), ...Array(5).fill(['yes', 'no']), ...Array(10).fill(['no', 'yes']), ...Array(15).fill(['no', 'no'])] as [string, string][];
    const rows = pairs.flatMap(([a, b], i) => [{ item: `q${i}`, annotator: 'alice', value: a }, { item: `q${i}`, annotator: 'bob', value: b }]);
    expect(await h.labels.importAnnotations(admin, task.id, h.file('ann.jsonl', rows))).toEqual({ imported: 100, errors: [] });
    const agreement = await h.labels.agreement(admin, task.id);
    expect(agreement.overall!.cohensKappa).toMatchObject({ n: 50, raters: ['alice', 'bob'] });
    expect(agreement.overall!.cohensKappa.value).toBeCloseTo(0.4, 10);
    expect(agreement.overall!.fleissKappa).toMatchObject({ n: 50, ratersPerItem: 2 });
    expect(agreement.perAnnotator).toEqual([
      { annotator: 'alice', assigned: 50, annotated: 50, revisions: 50, accepted: 0, rejected: 0 },
      { annotator: 'bob', assigned: 50, annotated: 50, revisions: 50, accepted: 0, rejected: 0 },
    ]);
  });

  it("reproduces Fleiss' κ = 0.2099 on the 10-subject × 14-rater × 5-category table", async () => {
    const raters = Array.from({ length: 14 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);
    for (const id of raters) await h.user({ id, roles: ['annotator'], clearance: 'UNCLASSIFIED' });
    const table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1], [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]];
    const cats = ['c1', 'c2', 'c3', 'c4', 'c5'];
    const items = h.file('subjects.jsonl', table.map((_, i) => ({ id: `s${i}`, text: `subject ${i}` })));
    const { task } = await h.labels.createTask(admin, { name: 'fleiss', spec: { kind: 'classification', choices: cats }, source: { type: 'file', path: items }, annotators: raters, perItem: 14 });
    const rows = table.flatMap((counts, i) => counts.flatMap((c, j) => Array<string>(c).fill(cats[j]!)).map((value, r) => ({ item: `s${i}`, annotator: raters[r], value })));
    expect((await h.labels.importAnnotations(admin, task.id, h.file('ann.jsonl', rows))).imported).toBe(140);
    const { overall } = await h.labels.agreement(admin, task.id);
    expect(overall!.fleissKappa).toMatchObject({ n: 10, ratersPerItem: 14 });
    expect(overall!.fleissKappa.value).toBeCloseTo(0.2099, 4);
    expect(overall!.cohensKappa).toMatchObject({ value: null, reason: expect.stringContaining('exactly 2') });
  });

  it("reproduces Krippendorff's α on the 4-coder × 12-unit example: nominal 0.743 (classification), interval 0.849 (rating)", async () => {
    const coders = { kA: [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null], kB: [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3], kC: [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null], kD: [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null] };
    for (const id of Object.keys(coders)) await h.user({ id, roles: ['annotator'], clearance: 'UNCLASSIFIED' });
    const items = h.file('units.jsonl', Array.from({ length: 12 }, (_, u) => ({ id: `u${u + 1}`, text: `unit ${u + 1}` })));
    const base = { source: { type: 'file' as const, path: items }, annotators: Object.keys(coders), perItem: 4 };
    const nominal = await h.labels.createTask(admin, { ...base, name: 'nominal', spec: { kind: 'classification', choices: ['1', '2', '3', '4', '5'] } });
    const interval = await h.labels.createTask(admin, { ...base, name: 'interval', spec: { kind: 'rating', min: 1, max: 5, step: 1 } });
    const rows = (asText: boolean) => Object.entries(coders).flatMap(([annotator, vs]) => vs.flatMap((v, u) => (v === null ? [] : [{ item: `u${u + 1}`, annotator, value: asText ? String(v) : v }])));
    expect((await h.labels.importAnnotations(admin, nominal.task.id, h.file('n.jsonl', rows(true)))).imported).toBe(41);
    expect((await h.labels.importAnnotations(admin, interval.task.id, h.file('i.jsonl', rows(false)))).imported).toBe(41);
    const a = (await h.labels.agreement(admin, nominal.task.id)).overall!;
    expect(a.krippendorffAlpha).toMatchObject({ level: 'nominal', n: 11, values: 40 });
    expect(a.krippendorffAlpha.value).toBeCloseTo(0.743, 3);
    expect(a.fleissKappa).toMatchObject({ value: null, reason: expect.stringContaining('same number') });
    const b = (await h.labels.agreement(admin, interval.task.id)).overall!;
    expect(b.krippendorffAlpha).toMatchObject({ level: 'interval', n: 11 });
    expect(b.krippendorffAlpha.value).toBeCloseTo(0.849, 3);
    // Consensus of a rating: mean by default, median on request.
    const c = await h.labels.consensus(admin, interval.task.id, { method: 'median' });
    expect(c.items.find((i) => i.itemId === 'u6')).toMatchObject({ status: 'resolved', value: 2.5, detail: { mean: 2.5, median: 2.5 } });
    await expect(h.labels.consensus(admin, interval.task.id, { method: 'majority' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('MAC: a SECRET annotator is never assigned a TOP SECRET item, never sees it and cannot annotate it', async () => {
    const sam = await h.user({ id: 'sam', roles: ['annotator'], clearance: 'SECRET' });
    const tina = await h.user({ id: 'tina', roles: ['annotator'], clearance: 'TOP SECRET' });
    const created = await h.labels.createTask(admin, { name: 'chunks', spec: { kind: 'classification', choices: ['keep', 'drop'] }, source: { type: 'dataset', dataset: 'memos' }, annotators: ['sam', 'tina'], perItem: 2 });
    const ts = CHUNKS[2]!.id;
    expect(created.task.label).toBe('TOP SECRET');
    expect(created.shortfalls).toEqual([{ itemId: ts, wanted: 2, got: 1 }]);
    expect(created.load).toEqual({ sam: 2, tina: 3 });
    const samNext = await h.labels.nextItems(sam, created.task.id, 10);
    expect(samNext.items.map((i) => i.label)).toEqual(['UNCLASSIFIED', 'SECRET']);
    expect(JSON.stringify(samNext)).not.toContain('chunk 2 text');
    await expect(h.labels.annotate(sam, created.task.id, ts, 'keep')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const imported = await h.labels.importAnnotations(admin, created.task.id, h.file('mac.jsonl', [{ item: ts, annotator: 'sam', value: 'keep' }, { item: ts, annotator: 'tina', value: 'keep' }]));
    expect(imported.imported).toBe(1);
    expect(imported.errors).toEqual([{ line: 1, item: ts, reason: expect.stringContaining('does not dominate') }]);
    // Tina, with her session clearance lowered to SECRET, no longer sees the TOP SECRET item either.
    const tinaLow = { ...tina, clearance: 'SECRET' };
    expect((await h.labels.nextItems(tinaLow, created.task.id)).items.map((i) => i.label)).toEqual(['UNCLASSIFIED', 'SECRET']);
    expect((await h.labels.consensus(sam, created.task.id)).items.map((i) => i.label)).toEqual(['UNCLASSIFIED', 'SECRET']);
    expect((await h.labels.showTask(sam, created.task.id)).items).toBe(2);
    // A user who is not assigned an item may not annotate it, and the refusal is audited.
    const viewer = await h.user({ id: 'vic', roles: ['viewer'], clearance: 'TOP SECRET' });
    await expect(h.labels.createTask(admin, { name: 'x', spec: { kind: 'pairwise' }, source: { type: 'file', path: h.file('p.jsonl', [{ id: 1, prompt: 'p', a: 'x', b: 'y' }]) }, annotators: ['vic'], perItem: 1 })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('no role allowed to annotate') });
    await expect(h.labels.annotate(viewer, created.task.id, CHUNKS[0]!.id, 'keep')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('review: the annotator cannot review their own annotation or adjudicate their item; another reviewer can, and reviews override consensus', async () => {
    for (const id of ['ann1', 'ann2', 'rev']) await h.user({ id, roles: ['annotator'], clearance: 'SECRET' });
    const [ann1, ann2, rev] = (await Promise.all(['ann1', 'ann2', 'rev'].map((id) => h.identity.getUser(id)))) as User[];
    const items = h.file('tone.jsonl', [{ id: 'x', text: 'fine', label: 'CONFIDENTIAL' }, { id: 'y', text: 'bad', label: 'SECRET' }]);
    const { task } = await h.labels.createTask(admin, { name: 'tone', spec: { kind: 'classification', choices: ['pos', 'neg'] }, source: { type: 'file', path: items }, annotators: ['ann1', 'ann2'], perItem: 2 });
    const a1 = await h.labels.annotate(ann1!, task.id, 'x', 'neg');
    const a1b = await h.labels.annotate(ann1!, task.id, 'x', 'pos'); // a changed mind: a new row, the latest wins
    expect([a1.revision, a1b.revision]).toEqual([1, 2]);
    const a2 = await h.labels.annotate(ann2!, task.id, 'x', 'neg');
    await h.labels.annotate(ann2!, task.id, 'y', 'neg');
    await h.labels.annotate(ann1!, task.id, 'y', 'neg');
    await expect(h.labels.annotate(ann1!, task.id, 'x', 'maybe')).rejects.toMatchObject({ code: 'USAGE' });
    let c = await h.labels.consensus(admin, task.id);
    expect(c.items.map((i) => [i.itemId, i.status, i.value])).toEqual([['x', 'unresolved', undefined], ['y', 'resolved', 'neg']]);

    await expect(h.labels.review(ann2!, task.id, 'x', { decision: 'accept', annotationId: a2.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('own annotation') });
    await expect(h.labels.review(ann1!, task.id, 'x', { decision: 'set', value: 'pos' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(h.labels.annotate(rev!, task.id, 'x', 'pos')).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('not assigned') });
    // A user cleared for none of the task's items does not see the task at all.
    const outsider = await h.user({ id: 'outsider', roles: ['annotator'], clearance: 'UNCLASSIFIED' });
    await expect(h.labels.nextItems(outsider, task.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(h.labels.consensus(outsider, task.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await h.labels.review(ann1!, task.id, 'x', { decision: 'reject', annotationId: a2.id, note: 'misread' });
    c = await h.labels.consensus(admin, task.id);
    expect(c.items[0]).toMatchObject({ status: 'resolved', value: 'pos', source: 'consensus', annotators: ['ann1'] });
    await h.labels.review(rev!, task.id, 'x', { decision: 'set', value: 'neg', note: 'guideline 4' });
    c = await h.labels.consensus(admin, task.id);
    expect(c.items[0]).toMatchObject({ status: 'resolved', value: 'neg', source: 'review', detail: { reviewer: 'rev', note: 'guideline 4' } });

    const entries = [];
    for await (const d of h.audit.scan()) if (d.ok) entries.push(d.entry);
    const mine = entries.filter((e) => e.action === 'annotate' && (e.object.id === task.id || e.object.id.startsWith(`${task.id}/`)));
    expect(mine.map((e) => `${String(e.details.step)}:${e.outcome}`)).toEqual(expect.arrayContaining(['task.create:success', 'annotation:success', 'review:denied', 'review:success']));
    expect(mine.filter((e) => e.details.step === 'review' && e.outcome === 'denied').map((e) => e.actor).sort()).toEqual(['ann1', 'ann2']);
  });

  it('import: bad rows are reported with their line numbers and the rest goes in', async () => {
    for (const id of ['im1', 'im2']) await h.user({ id, roles: ['annotator'], clearance: 'SECRET' });
    const items = h.file('stars.jsonl', [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }, '{not json', { id: 'a', text: 'again' }, { text: 'no id' }]);
    const created = await h.labels.createTask(admin, { name: 'stars', spec: { kind: 'rating', min: 1, max: 5, step: 1 }, source: { type: 'file', path: items }, annotators: ['im1', 'im2'], perItem: 1 });
    expect(created.errors).toEqual([
      { line: 3, reason: expect.stringContaining('not JSON') },
      { line: 4, id: 'a', reason: 'duplicate id "a"' },
      { line: 5, reason: expect.stringContaining('field "id"') },
    ]);
    const file = h.file('rows.jsonl', [
      { item: 'a', annotator: 'im1', value: 4 },
      'oops',
      { item: 'zzz', annotator: 'im1', value: 3 },
      { item: 'a', annotator: 'im1', value: 9 },
      { item: 'a', annotator: 'im2', value: 3 },
      { item: 'b', annotator: 'nobody', value: 3 },
      { annotator: 'im1', value: 3 },
      '',
      { item: 'b', annotator: 'im2', value: 2 },
    ]);
    const result = await h.labels.importAnnotations(admin, created.task.id, file);
    expect(result.imported).toBe(2);
    expect(result.errors.map((e) => [e.line, e.reason.split(' ').slice(0, 3).join(' ')])).toEqual([
      [2, 'not JSON: Unexpected'],
      [3, 'item "zzz" not'],
      [4, '9 is outside'],
      [5, 'item "a" is'],
      [6, 'annotator "nobody" is'],
      [7, 'field "item": Invalid'],
    ]);
    // Rows for someone else need the admin role.
    const im1 = (await h.identity.getUser('im1'))!;
    const other = await h.labels.importAnnotations(im1, created.task.id, h.file('x.jsonl', [{ item: 'a', annotator: 'im2', value: 1 }]));
    expect(other.errors[0]).toMatchObject({ line: 1, reason: expect.stringContaining('only an admin') });
  });

  it('pairwise and free text feed the LabelResultsReader; item text and values are sealed at rest', async () => {
    for (const id of ['p1', 'p2', 'p3']) await h.user({ id, roles: ['annotator'], clearance: 'SECRET' });
    const [p1, p2, p3] = (await Promise.all(['p1', 'p2', 'p3'].map((id) => h.identity.getUser(id)))) as User[];
    const pairs = h.file('pairs.jsonl', [{ id: 'q1', prompt: 'Capital of France?', a: 'Paris', b: 'Lyon' }, { id: 'q2', prompt: 'Two plus two?', a: 'five', b: 'four', label: 'SECRET' }]);
    const pw = (await h.labels.createTask(admin, { name: 'prefs', spec: { kind: 'pairwise' }, source: { type: 'file', path: pairs }, annotators: ['p1', 'p2', 'p3'], perItem: 3 })).task;
    for (const [u, v1, v2] of [[p1, 'a', 'b'], [p2, 'a', 'b'], [p3, 'b', 'tie']] as const) {
      await h.labels.annotate(u!, pw.id, 'q1', v1);
      await h.labels.annotate(u!, pw.id, 'q2', v2);
    }
    const got = [];
    for await (const p of h.labels.results.preferencePairs(admin, pw.id)) got.push(p);
    expect(got).toEqual([
      { id: 'q1', prompt: 'Capital of France?', chosen: 'Paris', rejected: 'Lyon', label: 'UNCLASSIFIED', annotators: ['p1', 'p2', 'p3'] },
      { id: 'q2', prompt: 'Two plus two?', chosen: 'four', rejected: 'five', label: 'SECRET', annotators: ['p1', 'p2', 'p3'] },
    ]);
    const low = { ...admin, clearance: 'UNCLASSIFIED' };
    const lowGot = [];
    for await (const p of h.labels.results.preferencePairs(low, pw.id)) lowGot.push(p.id);
    expect(lowGot).toEqual(['q1']);

    const prompts = h.file('prompts.jsonl', [{ id: 'w1', text: 'Explain the depot move.' }]);
    const ft = (await h.labels.createTask(admin, { name: 'write', spec: { kind: 'free_text' }, source: { type: 'file', path: prompts }, annotators: ['p1', 'p2'], perItem: 2 })).task;
    const w1 = await h.labels.annotate(p1!, ft.id, 'w1', 'The bridge failed inspection.');
    await h.labels.annotate(p2!, ft.id, 'w1', 'Because of a bridge.');
    expect((await h.labels.consensus(admin, ft.id)).items[0]!.status).toBe('needs_review');
    await h.labels.review(p3!, ft.id, 'w1', { decision: 'accept', annotationId: w1.id });
    const written = [];
    for await (const w of h.labels.results.writtenResponses(admin, ft.id)) written.push(w);
    expect(written).toEqual([{ id: 'w1', prompt: 'Explain the depot move.', response: 'The bridge failed inspection.', label: 'UNCLASSIFIED', annotators: ['p1', 'p2'] }]);

    const raw = JSON.stringify([
      await h.store.db.selectFrom('label_items' as never).selectAll().execute(),
      await h.store.db.selectFrom('label_annotations' as never).selectAll().execute(),
    ]);
    expect(raw).not.toContain('Capital of France');
    expect(raw).not.toContain('bridge failed');
    expect(raw).toContain('enc1.');

    // The registered columns and row ids are the ones the values are bound to: after a key rotation re-wraps them, a
    // service holding only the new key reads everything back.
    const next = new Keyring(generateMasterKey(), [h.keyring.current]);
    const rewrapped = await rewrapColumns(h.store.db, { keyring: next, columns: ENCRYPTED_COLUMNS.filter((c) => c.table.startsWith('label_')) });
    expect(rewrapped.map((r) => [r.table, r.column, r.failed])).toEqual([['label_items', 'content', 0], ['label_annotations', 'value', 0], ['label_reviews', 'value', 0]]);
    expect(rewrapped.reduce((n, r) => n + r.rewrapped, 0)).toBeGreaterThan(0);
    const rotated = createLabelService({ store: h.store, cipher: keyringCipher(new Keyring(next.current)), identity: h.identity });
    const after = [];
    for await (const w of rotated.results.writtenResponses(admin, ft.id)) after.push(w.response);
    expect(after).toEqual(['The bridge failed inspection.']);
  });

  it('items from an eval run: input and output of each completed sample, with its label', async () => {
    await h.store.createRun(makeRun({ id: 'run-lbl', label: 'SECRET' }));
    await h.store.saveSampleResult(makeResult('run-lbl', 's1', 1, { label: 'SECRET' }));
    await h.store.saveSampleResult({ ...makeResult('run-lbl', 's2', 1), status: 'error', output: undefined, error: { code: 'MODEL_TIMEOUT', message: 'slow' } });
    await h.user({ id: 'runann', roles: ['annotator'], clearance: 'SECRET' });
    const created = await h.labels.createTask(admin, { name: 'grade', spec: { kind: 'span', entityTypes: ['NUM'] }, source: { type: 'run', runId: 'run-lbl' }, annotators: ['runann'], perItem: 1 });
    expect(created.items).toBe(1);
    expect(created.errors).toEqual([{ id: 's2', reason: 'sample error: slow' }]);
    const runann = (await h.identity.getUser('runann'))!;
    const next = await h.labels.nextItems(runann, created.task.id);
    expect(next.items).toEqual([{ id: 's1', content: { text: 'user: What is 2+2?\n\n4' }, label: 'SECRET' }]);
    await h.labels.annotate(runann, created.task.id, 's1', [{ start: 20, end: 21, type: 'NUM', text: '4' }]);
    const exported = await h.labels.exportTask(admin, created.task.id);
    expect(exported.label).toBe('SECRET');
    expect(exported.items[0]).toMatchObject({ id: 's1', consensus: { status: 'resolved', value: [{ start: 20, end: 21, type: 'NUM' }] } });
    await expect(h.labels.createTask(admin, { name: 'nope', spec: { kind: 'classification', choices: ['a', 'b'] }, source: { type: 'run', runId: 'missing' }, annotators: ['runann'], perItem: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
