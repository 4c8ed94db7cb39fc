// The ingest pipeline on real stores (SQLite and PostgreSQL): errors per file, skip on re-run, versions and diff,
// exact and near duplicates, label roll-up, lineage, MAC on reads, and one transaction per file.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader, diffVersions, type ChunkRecord } from '../../src/data/dataset/index.js';
import { datasetDb } from '../../src/data/dataset/dataset-tables.js';
import { ingest, DEFAULT_PARSE_DEPS } from '../../src/data/ingest/index.js';
import { PII_DETECTOR_VERSION } from '../../src/data/pii/index.js';
import { ENCRYPTED_COLUMNS, generateMasterKey, Keyring, keyringCipher, rewrapAll, type FieldCipher } from '../../src/governance/crypto/index.js';
import { openHarness, secret, topSecret, unclassified, type Harness } from './ingest-harness.js';

const CANARY = 'CANARY-7f3a the convoy leaves Harlow at dawn on the fourth of March with twelve trucks';
const MEMO = ['SECRET//NOFORN', '', '(U) The quarterly logistics review covers fuel, rations and spare parts for the northern depots.', '', `(S//NF) ${CANARY}.`, '', 'SECRET//NOFORN', ''].join('\n');
const LONG =
  'The maintenance section inspected every generator at the forward operating base during the second week of the month and found that seven units needed new fuel filters, three needed replacement batteries, and two required a complete overhaul of the cooling system before the summer season began in earnest.';
const NEAR = LONG.replace('seven units', 'eight units');
const TS_DOC = ['TOP SECRET//SI//NOFORN', '', '(TS//SI//NF) The intercept schedule for the northern sector is attached.', ''].join('\n');

function writeCorpus(dir: string): void {
  writeFileSync(path.join(dir, 'memo.txt'), MEMO);
  writeFileSync(path.join(dir, 'memo-copy.txt'), MEMO);
  writeFileSync(path.join(dir, 'generators.txt'), `# Generator report\n\n${LONG}\n`);
  writeFileSync(path.join(dir, 'generators-2.md'), `# Generator report\n\n${NEAR}\n`);
  writeFileSync(path.join(dir, 'contacts.txt'), 'Call Jane Smith on 555-867-5309 or write to jane.smith@example.mil about the audit.\n');
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'lying.pdf'), 'This is not a PDF at all, only text pretending to be one.\n');
}

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function rejection(p: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe.each(['sqlite', 'postgres'] as const)('ingest on %s', (kind) => {
  let h: Harness;
  let dir: string;
  let corpus: string;
  beforeAll(async () => {
    h = await openHarness(kind);
    dir = mkdtempSync(path.join(tmpdir(), 'assay-corpus-'));
    corpus = path.join(dir, 'corpus');
    mkdirSync(corpus);
    writeCorpus(corpus);
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (paths: string[], extra: Record<string, unknown> = {}, cipher?: FieldCipher) =>
    ingest({ paths, dataset: 'memos', ...extra }, { db: h.store.db, cipher: cipher ?? h.cipher, actor: topSecret, cwd: dir });

  it('ingests a folder: errors per bad file, the rest goes on; duplicates counted; version 1', async () => {
    const s = await run(['corpus']);
    expect(s.files).toBe(7);
    expect(s.documents).toBe(5);
    expect(s.errors.map((e) => e.path).sort()).toEqual(['corpus/empty.txt', 'corpus/lying.pdf']);
    expect(s.errors.find((e) => e.path === 'corpus/empty.txt')?.reason).toMatch(/empty/);
    expect(s.errors.find((e) => e.path === 'corpus/lying.pdf')?.reason).toMatch(/not a PDF/);
    expect(s.duplicates.exact).toBeGreaterThanOrEqual(1);
    expect(s.duplicates.near).toBe(1);
    expect(s).toMatchObject({ version: 1, versionCreated: true, label: 'SECRET//NOFORN', skipped: 0 });
    const db = datasetDb(h.store.db);
    const errors = await db.selectFrom('ds_errors').select(['path', 'code']).where('ingest_id', '=', s.ingestId).execute();
    expect(errors.map((e) => e.path).sort()).toEqual(['corpus/empty.txt', 'corpus/lying.pdf']);
  });

  it('rolls labels up and records complete lineage and PII', async () => {
    const reader = createDatasetReader(h.store.db, h.cipher);
    const chunks = await all(reader.chunks(topSecret, 'memos', undefined, { includeDuplicates: true }));
    const memo = chunks.find((c) => c.lineage.source.path === 'corpus/memo.txt' && c.text.includes('CANARY'))!;
    expect(memo.label).toBe('SECRET//NOFORN');
    expect(memo.portionMarks).toEqual(expect.arrayContaining(['(U)', '(S//NF)']));
    expect(memo.lineage.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(memo.lineage.elementIds.length).toBeGreaterThan(0);
    expect(memo.lineage.charEnd).toBeGreaterThan(memo.lineage.charStart);
    expect(memo.lineage.transformations).toEqual(expect.arrayContaining(['parse:text@chardet@2.2.0', 'clean:normalize(NFC)', `pii:analyze@${PII_DETECTOR_VERSION}`]));
    expect(memo.lineage.transformations.some((t) => t.startsWith('chunk:by_title('))).toBe(true);
    const copy = chunks.find((c) => c.lineage.source.path === 'corpus/memo-copy.txt' && c.text.includes('CANARY'))!;
    // Files are read in name order: memo-copy.txt comes first, so memo.txt is the duplicate.
    expect(memo.duplicateOf).toBe(`exact:${copy.id}`);
    const near = chunks.find((c) => c.lineage.source.path === 'corpus/generators.txt')!;
    expect(near.duplicateOf).toMatch(/^near:/);
    const contacts = chunks.find((c) => c.lineage.source.path === 'corpus/contacts.txt')!;
    expect(contacts.pii.types).toEqual(expect.arrayContaining(['EMAIL_ADDRESS', 'PHONE_NUMBER']));
    const span = contacts.pii.spans.find((x) => x.type === 'EMAIL_ADDRESS')!;
    expect(contacts.text.slice(span.start, span.end)).toBe('jane.smith@example.mil');
    expect(contacts.label).toBe('UNCLASSIFIED');
    // Kept chunks only by default.
    const kept = await all(reader.chunks(topSecret, 'memos'));
    expect(kept.length).toBe(chunks.filter((c: ChunkRecord) => !c.duplicateOf).length);
    const v = await reader.getVersion(topSecret, 'memos');
    expect(v.stats).toMatchObject({ files: 5, documents: 5, chunks: chunks.length, errors: 2 });
    expect(v.stats.piiTypes.EMAIL_ADDRESS).toBe(1);
  });

  it('a re-run skips every unchanged file: no new chunks, no new version', async () => {
    const s = await run(['corpus']);
    expect(s).toMatchObject({ skipped: 5, documents: 0, chunks: 0, version: 1, versionCreated: false });
  });

  it('a changed file makes version 2, and the diff shows it', async () => {
    writeFileSync(path.join(corpus, 'contacts.txt'), 'Call the front desk about the audit; nobody else.\n');
    const s = await run(['corpus']);
    expect(s).toMatchObject({ skipped: 4, documents: 1, version: 2, versionCreated: true });
    const d = await diffVersions(h.store.db, topSecret, 'memos', 1, 2);
    expect(d.documents).toEqual({ added: [], removed: [], changed: ['corpus/contacts.txt'] });
    expect(d.chunks).toMatchObject({ added: 1, removed: 1 });
    expect(d.chunks.unchanged).toBeGreaterThan(0);
    expect(d.label).toEqual({ from: 'SECRET//NOFORN', to: 'SECRET//NOFORN', changed: false });
    const reader = createDatasetReader(h.store.db, h.cipher);
    expect((await reader.versions(topSecret, 'memos')).map((v) => v.version)).toEqual([1, 2]);
    const docs = await all(reader.documents(topSecret, 'memos', 2));
    expect(docs.find((x) => x.path === 'corpus/contacts.txt')?.sha256).toBe(createHash('sha256').update(readFileSync(path.join(corpus, 'contacts.txt'))).digest('hex'));
  });

  it('hides a dataset above the viewer: same NOT_FOUND as a missing one, absent from the list', async () => {
    writeFileSync(path.join(dir, 'ts.txt'), TS_DOC);
    const s = await ingest({ paths: ['ts.txt'], dataset: 'intercepts' }, { db: h.store.db, cipher: h.cipher, actor: topSecret, cwd: dir });
    expect(s.label).toBe('TOP SECRET//SI//NOFORN');
    const reader = createDatasetReader(h.store.db, h.cipher);
    expect((await reader.listDatasets(topSecret)).map((d) => d.name)).toEqual(['intercepts', 'memos']);
    expect((await reader.listDatasets(secret)).map((d) => d.name)).toEqual(['memos']);
    expect(await reader.listDatasets(unclassified)).toEqual([]);
    const hidden = await rejection(reader.getVersion(secret, 'intercepts'));
    const missing = await rejection(reader.getVersion(secret, 'no-such'));
    expect(hidden.code).toBe('NOT_FOUND');
    expect(hidden.message.replace('intercepts', 'X')).toBe(missing.message.replace('no-such', 'X'));
    expect((await rejection(all(reader.chunks(secret, 'intercepts')))).code).toBe('NOT_FOUND');
    expect((await rejection(diffVersions(h.store.db, secret, 'intercepts', 1, 1))).code).toBe('NOT_FOUND');
    // Writing into it is refused too, without showing anything of it.
    const refused = await rejection(ingest({ paths: ['ts.txt'], dataset: 'intercepts' }, { db: h.store.db, cipher: h.cipher, actor: secret, cwd: dir }));
    expect(refused.code).toBe('FORBIDDEN');
    // A role that may not ingest (a viewer, even at top clearance) is refused before any lookup.
    const viewer = { ...topSecret, id: 'a-viewer', roles: ['viewer' as const] };
    const byRole = await rejection(ingest({ paths: ['ts.txt'], dataset: 'anything' }, { db: h.store.db, cipher: h.cipher, actor: viewer, cwd: dir }));
    expect(byRole).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('may data.ingest') });
  });

  it('stores each file in one transaction: a failure mid-file leaves none of it', async () => {
    writeFileSync(path.join(dir, 'a-first.txt'), 'A first file that stores fine.\n');
    writeFileSync(path.join(dir, 'b-second.txt'), Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the second file, long enough to split. POISON-${i}`).join('\n\n'));
    let sealed = 0;
    const failing: FieldCipher = {
      seal: (text, loc) => {
        if (text.includes('POISON-30')) throw new Error('disk full');
        sealed++;
        return h.cipher.seal(text, loc);
      },
      open: h.cipher.open,
    };
    const err = await rejection(
      ingest({ paths: ['a-first.txt', 'b-second.txt'], dataset: 'kill', chunk: { strategy: 'basic', maxChars: 200 } }, { db: h.store.db, cipher: failing, actor: topSecret, cwd: dir }),
    );
    expect(err.code).toBe('STORE_FAILURE');
    expect(sealed).toBeGreaterThan(2); // some of b's chunks were sealed (and inserted) before the failure
    const db = datasetDb(h.store.db);
    const docs = await db.selectFrom('ds_documents').select(['id', 'path']).where('dataset', '=', 'kill').execute();
    expect(docs.map((d) => d.path)).toEqual(['a-first.txt']);
    const chunks = await db.selectFrom('ds_chunks').select('document_id').where('dataset', '=', 'kill').execute();
    expect(new Set(chunks.map((c) => c.document_id))).toEqual(new Set([docs[0]!.id]));
    // The next run reuses the stored file, ingests the other and makes the version.
    const s = await ingest({ paths: ['a-first.txt', 'b-second.txt'], dataset: 'kill', chunk: { strategy: 'basic', maxChars: 200 } }, { db: h.store.db, cipher: h.cipher, actor: topSecret, cwd: dir });
    expect(s).toMatchObject({ skipped: 1, documents: 1, version: 1, versionCreated: true });
  });

  it('a parser that throws is an error record, never a crash', async () => {
    writeFileSync(path.join(dir, 'boom.txt'), 'anything\n');
    const parse = { ...DEFAULT_PARSE_DEPS, parsers: { ...DEFAULT_PARSE_DEPS.parsers, text: { format: 'text' as const, parse: async () => { throw new TypeError('parser bug'); } } } };
    const s = await ingest({ paths: ['boom.txt'], dataset: 'boom' }, { db: h.store.db, cipher: h.cipher, actor: topSecret, cwd: dir, parse });
    expect(s.errors).toEqual([{ path: 'boom.txt', reason: expect.stringContaining('parser bug'), code: 'INTERNAL' }]);
    expect(s).toMatchObject({ documents: 0, version: null, versionCreated: false });
  });
});

describe('encryption at rest', () => {
  it('the SQLite file holds no chunk text', async () => {
    const h = await openHarness('sqlite');
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-canary-'));
    try {
      writeFileSync(path.join(dir, 'memo.txt'), MEMO);
      copyFileSync(path.join(dir, 'memo.txt'), path.join(dir, 'memo2.txt'));
      const s = await ingest({ paths: ['.'], dataset: 'canary' }, { db: h.store.db, cipher: h.cipher, actor: topSecret, cwd: dir });
      expect(s.chunks).toBeGreaterThan(0);
      const reader = createDatasetReader(h.store.db, h.cipher);
      expect((await all(reader.chunks(topSecret, 'canary'))).some((c) => c.text.includes(CANARY))).toBe(true);
      await h.store.close().catch(() => undefined);
      let read = 0;
      for (const f of ['assay.db', 'assay.db-wal']) {
        const file = path.join(h.home, f);
        let bytes: Buffer;
        try {
          bytes = readFileSync(file);
        } catch {
          continue;
        }
        expect(bytes.includes(Buffer.from('CANARY-7f3a'))).toBe(false);
        expect(bytes.includes(Buffer.from('convoy leaves Harlow'))).toBe(false);
        read++;
      }
      expect(read).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(h.home, { recursive: true, force: true });
    }
  });

  it('key rotation re-wraps chunk text and document properties; the new key alone reads them', async () => {
    const h = await openHarness('sqlite');
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-rotate-'));
    try {
      writeFileSync(path.join(dir, 'memo.txt'), MEMO);
      const oldKey = generateMasterKey();
      const newKey = generateMasterKey();
      await ingest({ paths: ['.'], dataset: 'rot' }, { db: h.store, cipher: keyringCipher(new Keyring(oldKey)), actor: topSecret, cwd: dir });
      const before = await all(createDatasetReader(h.store, keyringCipher(new Keyring(oldKey))).chunks(topSecret, 'rot'));
      const r = await rewrapAll({ db: h.store.db, keyring: new Keyring(newKey, [oldKey]), filesDir: dir, columns: ENCRYPTED_COLUMNS.filter((c) => c.table.startsWith('ds_')) });
      expect(r.columns.find((c) => c.table === 'ds_chunks')?.rewrapped).toBe(before.length);
      expect(r.remaining.tokens).toBe(0);
      const reader = createDatasetReader(h.store, keyringCipher(new Keyring(newKey)));
      expect(await all(reader.chunks(topSecret, 'rot'))).toEqual(before);
      expect((await all(reader.documents(topSecret, 'rot')))[0]?.properties).toEqual({});
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await h.close();
    }
  });
});
