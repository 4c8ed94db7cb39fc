// The stolen database: a real eval whose model output carries a canary sentence leaves no canary (nor any plaintext
// transcript) in the SQLite file and WAL, nor in any text column on PostgreSQL; with the key it reads back; without it,
// reading fails with a clear error instead of garbage. Reports Assay keeps are sealed; --out is a plaintext export.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTask } from '../../src/eval/resolve-task.js';
import { runEval } from '../../src/eval/run-eval.js';
import { AssayError } from '../../src/errors/index.js';
import { generateMasterKey, keyringCipher, Keyring, openSealedFile, sourceCipher, openKeyringSource } from '../../src/governance/crypto/index.js';
import { parseModelRef } from '../../src/model/model-ref.js';
import { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';
import { createPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

const PG_URL = process.env.ASSAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const CANARY = 'The heron flies at midnight over Lake Quintessa-7731.';
const PROMPT = 'Zebra question about the Orvieto aqueduct number';

let dir: string;
let data: string;
let answers: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'assay-enc-'));
  data = path.join(dir, 'data.jsonl');
  // The canary comes only from the model's answers (an answer-key file), never from the run's configuration.
  answers = path.join(dir, 'answers.jsonl');
  writeFileSync(answers, `${JSON.stringify({ match: 'Zebra', response: CANARY })}\n`);
  writeFileSync(data, Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `s${i}`, input: `${PROMPT} ${i}?`, target: 'heron' })).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every place the canary or the prompt could leak, as text. */
function leaks(text: string): string[] {
  return [CANARY, CANARY.slice(0, 20), 'Quintessa', PROMPT, 'Orvieto aqueduct'].filter((needle) => text.includes(needle));
}

async function rejection(promise: Promise<unknown>): Promise<AssayError> {
  const err = await promise.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

describe('SQLite: a stolen database file reveals no transcript', () => {
  let home: string;
  let runId: string;
  const env = () => ({ ASSAY_HOME: home, ASSAY_DATABASE_URL: '' });

  beforeAll(async () => {
    home = path.join(dir, 'home');
    const r = await runCli(['eval', data, '--model', 'mock/answer-key', '-M', `answers_file=${answers}`, '--scorer', 'includes', '--output', 'json', '-q'], { env: env() });
    expect(r.code).toBe(0);
    runId = parseJsonOutput<{ runId: string }>(r).runId;
  });

  it('has neither the canary nor the prompt in assay.db or its WAL, and tokens are really there', () => {
    const files = ['assay.db', 'assay.db-wal'].map((f) => path.join(home, f)).filter((f) => existsSync(f));
    const raw = files.map((f) => readFileSync(f).toString('latin1')).join('\n');
    expect(raw).toContain('enc1.');
    expect(leaks(raw)).toEqual([]);
    // The key file sits beside it, 0600, and is not in the database.
    expect(existsSync(path.join(home, 'keys', 'master.key'))).toBe(true);
  });

  it('reads back correctly through the store with the key', async () => {
    const store = await openStore({ home, databaseUrl: '' });
    try {
      const results = await store.listSampleResults(runId);
      expect(results).toHaveLength(6);
      for (const r of results) {
        expect(r.output).toBe(CANARY);
        expect(r.messages.at(-1)?.content).toBe(CANARY);
        expect(r.calls[0]?.output?.text).toBe(CANARY);
        expect(JSON.stringify(r.sample.input)).toContain(PROMPT);
        expect(r.scores[0]?.value).toBe(1);
      }
    } finally {
      await store.close();
    }
  });

  it('without the key (another key file, a wrong ASSAY_MASTER_KEY) reading fails with CONFIG_INVALID, not garbage', async () => {
    const other = sourceCipher(openKeyringSource({ home: path.join(dir, 'other-home') }));
    const store = await openStore({ home, databaseUrl: '', cipher: other });
    try {
      const err = await rejection(store.listSampleResults(runId));
      expect(err.code).toBe('CONFIG_INVALID');
      expect(err.message).toMatch(/(sample_results|scores|model_calls)\.\w+ of row .*encrypted under master key [0-9a-f]{16}, which this keyring does not hold/);
      expect(leaks(err.message)).toEqual([]);
    } finally {
      await store.close();
    }
    const wrongKey = randomBytes(32).toString('base64');
    const r = await runCli(['report', runId, '--format', 'md', '--out', path.join(dir, 'never.md'), '--output', 'json'], { env: { ...env(), ASSAY_MASTER_KEY: wrongKey } });
    expect(r.code).toBe(2);
    expect(parseJsonOutput<{ error: { code: string } }>(r).error.code).toBe('CONFIG_INVALID');
    expect(leaks(r.stdout + r.stderr)).toEqual([]);
    expect(existsSync(path.join(dir, 'never.md'))).toBe(false);
  });

  it('keeps its own reports sealed (<id>.html.enc, AAD = path); --out writes a plaintext export, audited', async () => {
    const kept = await runCli(['report', runId, '--format', 'html', '--output', 'json'], { env: env() });
    expect(kept.code).toBe(0);
    const sealedPath = parseJsonOutput<{ path: string }>(kept).path;
    expect(sealedPath).toBe(path.join(home, 'reports', `${runId}.html.enc`));
    expect(leaks(readFileSync(sealedPath, 'latin1'))).toEqual([]);
    const store = await openStore({ home, databaseUrl: '' });
    try {
      const plainFile = sealedPath.slice(0, -'.enc'.length);
      expect(openSealedFile({ cipher: store.cipher, home, plainFile })).toContain(CANARY.replace(/'/g, '&#39;').slice(0, 20));
      // Moved to another name, the same bytes no longer open (the path is authenticated).
      writeFileSync(path.join(home, 'reports', 'moved.html.enc'), readFileSync(sealedPath));
      expect(() => openSealedFile({ cipher: store.cipher, home, plainFile: path.join(home, 'reports', 'moved.html') })).toThrow(/AAD mismatch/);
    } finally {
      await store.close();
    }
    const out = path.join(dir, 'export.json');
    const exported = await runCli(['report', runId, '--format', 'json', '--out', out], { env: env() });
    expect(exported.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain(CANARY);
    const auditFile = path.join(dir, 'audit.jsonl');
    expect((await runCli(['audit', 'export', '--format', 'jsonl', '--out', auditFile], { env: env() })).code).toBe(0);
    const entries = readFileSync(auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; details: { path?: string; what?: string } });
    expect(entries.filter((e) => e.action === 'export' && e.details.what === 'report').map((e) => e.details.path)).toEqual([out]);
  });
});

describe('PostgreSQL: no text column of any table holds the canary', () => {
  const schema = `assay_enc_${randomBytes(5).toString('hex')}`;
  let store: KyselyStore;
  let runId: string;
  const keyring = new Keyring(generateMasterKey());

  beforeAll(async () => {
    store = (await openStore({ databaseUrl: PG_URL, schema, cipher: keyringCipher(keyring) })) as KyselyStore;
    const task = await resolveTask(data, { scorer: 'includes' });
    const result = await runEval({ ...task, store, model: parseModelRef('mock/answer-key', { answers_file: answers }), concurrency: 2 });
    runId = result.runId;
  });
  afterAll(async () => {
    await store?.close();
    const admin = await createPostgresStore({ url: PG_URL });
    await admin.db.schema.dropSchema(schema).ifExists().cascade().execute();
    await admin.close();
  });

  it('dumps every text column of every table in the schema: tokens, no canary, no prompt', async () => {
    const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = ${schema} and data_type in ('text', 'character varying', 'json', 'jsonb')`.execute(store.db);
    expect(columns.length).toBeGreaterThan(20);
    let dump = '';
    for (const c of columns) {
      const { rows } = await sql<{ v: string | null }>`select ${sql.ref(c.column_name)}::text as v from ${sql.table(c.table_name)}`.execute(store.db);
      dump += rows.map((r) => r.v ?? '').join('\n');
    }
    expect(dump).toContain('enc1.');
    expect(leaks(dump)).toEqual([]);
    const results = await store.listSampleResults(runId);
    expect(results.map((r) => r.output)).toEqual(Array(6).fill(CANARY));
  });

  it('with a wrong ASSAY_MASTER_KEY the same rows fail to open with a clear error', async () => {
    const wrong = sourceCipher(openKeyringSource({ env: { ASSAY_MASTER_KEY: randomBytes(32).toString('base64') } }));
    const other = (await openStore({ databaseUrl: PG_URL, schema, cipher: wrong })) as KyselyStore;
    try {
      const err = await rejection(other.listSampleResults(runId));
      expect(err.code).toBe('CONFIG_INVALID');
      expect(err.hint).toMatch(/key file/);
    } finally {
      await other.close();
    }
  });
});
