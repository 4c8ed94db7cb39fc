// `assay dataset export` core over in-memory readers (filtering by clearance, as the real ones must) and a real audit
// log on a real SQLite store: every format, PII redacted by default and kept on request (audited), --max-label, MAC,
// the card's numbers against the rows, Parquet read back with hyparquet, and the eval export loaded by loadDataset.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { memoryDatasetReader } from '../helpers/memory-datasets.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChunkRecord, DatasetReader, DatasetVersionInfo, LabelResultsReader, PreferencePair, QaItem, QaItemReader, WrittenResponse } from '../../src/data/dataset/dataset-types.js';
import { lshMatchProbability } from '../../src/data/dedup/index.js';
import { exportDataset, type DatasetCard, type ExportDeps, type ExportRequestInput } from '../../src/data/export/index.js';
import { analyze } from '../../src/data/pii/index.js';
import { loadDataset } from '../../src/dataset/load-dataset.js';
import { AssayError } from '../../src/errors/index.js';
import { canRead } from '../../src/governance/access/can-read.js';
import type { AuditEntry } from '../../src/governance/audit/audit-entry.js';
import type { AuditLog } from '../../src/governance/audit/audit-log.js';
import { openAuditLog } from '../../src/governance/audit/open-audit-log.js';
import { localOperator } from '../../src/governance/identity/local-operator.js';
import type { User } from '../../src/governance/identity/user.js';
import { dominates } from '../../src/markings/index.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

const EMAIL = 'jane.doe@example.com';
const PHONE = '555-867-5309';
const CARD = '4111 1111 1111 1111';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** A chunk whose stored PII spans come from analyze() on its text, as ingest stores them (or from `spans`). */
function chunk(key: string, text: string, label: string, extra: Partial<ChunkRecord> & { spans?: ChunkRecord['pii']['spans'] } = {}): ChunkRecord {
  const found = analyze(text);
  const spans = extra.spans ?? found.map((r) => ({ type: r.type, start: r.start, end: r.end, score: r.score }));
  const file = `${key.replace(/\d+$/, '')}.pdf`;
  return {
    id: sha(`chunk:${key}`),
    documentId: `doc-${file}`,
    text,
    label,
    portionMarks: [label === 'UNCLASSIFIED' ? '(U)' : `(${label})`],
    tokenCount: text.split(' ').length,
    pii: { types: [...new Set(spans.map((s) => s.type))].sort(), spans },
    lineage: { source: { path: `docs/${file}`, sha256: sha(file) }, elementIds: [`${key}-e1`, `${key}-e2`], page: 3, charStart: 10, charEnd: 10 + text.length, transformations: ['parse:pdf@pdfjs-5.6.205', 'chunk:by_title(max=1500,overlap=0)'] },
    metadata: { title: `Memo ${key}` },
    ...extra,
  };
}

const U1 = chunk('memo1', `Contact the duty officer at ${EMAIL} or call ${PHONE} about the depot move.`, 'UNCLASSIFIED');
const U2 = chunk('memo2', 'Field kitchens must extend cooking times at altitude, where water boils at a lower temperature.', 'UNCLASSIFIED');
const S1 = chunk('plan1', 'The 3rd Battalion moved its supply depot from Harlow to Camp Delta on 14 March.', 'SECRET//NOFORN');
// Stored span shifted by 3 characters (as if the text changed after analysis): both it and the fresh finding are redacted.
const C1 = chunk('card1', `Card ${CARD} was charged for fuel at the depot.`, 'CONFIDENTIAL', { spans: [{ type: 'CREDIT_CARD', start: 8, end: 27, score: 1 }] });
// Stored span beyond the end of the text: ignored, and the text re-analysed.
const U3 = chunk('memo3', 'Convoys detoured for two days after the bridge failed its load inspection.', 'UNCLASSIFIED', { spans: [{ type: 'PERSON', start: 60, end: 400, score: 0.9 }] });
const DUP = { ...chunk('memo1', U1.text, 'UNCLASSIFIED'), id: sha('chunk:memo1-copy'), documentId: 'doc-memo1-copy', duplicateOf: `exact:${U1.id}` };
const TS1 = chunk('sig1', 'Intercepts show the relay station at grid NV 1234 5678 moved north.', 'TOP SECRET//SI//NOFORN');
const CHUNKS = [U1, U2, S1, C1, U3, DUP, TS1];

const INFO: DatasetVersionInfo = {
  dataset: 'memos',
  version: 2,
  digest: sha(CHUNKS.map((c) => c.id).sort().join('')),
  createdAt: '2025-01-02T03:04:05.000Z',
  createdBy: 'local:ingest@host',
  label: 'TOP SECRET//SI//NOFORN',
  stats: {
    files: 5,
    documents: 6,
    chunks: CHUNKS.length,
    errors: 1,
    duplicates: { exact: 1, near: 0 },
    piiTypes: { EMAIL_ADDRESS: 2, PHONE_NUMBER: 2, CREDIT_CARD: 1 },
    nearDedup: { numPerm: 128, bands: 16, rows: 8, threshold: 0.8, shingle: 5 },
  },
};

const datasets: DatasetReader = memoryDatasetReader(CHUNKS, { info: INFO, format: 'pdf' });

const QA: QaItem[] = [
  { id: 'q1', question: `Whom should I email (${EMAIL}) about the depot?`, answer: 'The duty officer.', citations: [U1.id], label: 'UNCLASSIFIED', source: { path: U1.lineage.source.path, sha256: U1.lineage.source.sha256, page: 3 }, metadata: { generator: 'mock' } },
  { id: 'q2', question: 'Where did the 3rd Battalion move its supply depot?', answer: 'Camp Delta', citations: [S1.id], label: 'SECRET//NOFORN', source: { path: S1.lineage.source.path, sha256: S1.lineage.source.sha256, page: 3 }, metadata: {} },
  { id: 'q3', question: 'Which way did the relay station move?', answer: 'North', citations: [TS1.id], label: 'TOP SECRET//SI//NOFORN', source: { path: TS1.lineage.source.path, sha256: TS1.lineage.source.sha256 }, metadata: {} },
];
const qa: QaItemReader = {
  async *qaItems(viewer) {
    for (const q of QA) if (canRead(viewer, q.label)) yield q;
  },
};

const PAIRS: PreferencePair[] = [
  { id: 'p1', prompt: 'Summarise the depot memo.', chosen: 'The depot moved to Camp Delta.', rejected: `Email ${EMAIL}.`, label: 'SECRET//NOFORN', annotators: ['a', 'b'] },
  { id: 'p2', prompt: 'How long do convoys detour?', chosen: 'Two days.', rejected: 'A week.', label: 'UNCLASSIFIED', annotators: ['a'] },
];
const WRITTEN: WrittenResponse[] = [{ id: 'w1', prompt: 'Explain boiling at altitude.', response: `Water boils lower; ask ${EMAIL}.`, label: 'UNCLASSIFIED', annotators: ['a'] }];
const labels: LabelResultsReader = {
  async *preferencePairs(viewer, taskId) {
    if (taskId === 'pairs') for (const p of PAIRS) if (canRead(viewer, p.label)) yield p;
  },
  async *writtenResponses(viewer, taskId) {
    if (taskId === 'free') for (const w of WRITTEN) if (canRead(viewer, w.label)) yield w;
  },
};

const admin = localOperator({ clearance: 'TOP SECRET//SI//NOFORN' });
const secret: User = { id: 'analyst', name: 'Analyst', roles: ['evaluator'], clearance: 'SECRET//NOFORN', disabled: false };
const annotator: User = { id: 'ann', name: 'Annotator', roles: ['annotator'], clearance: 'TOP SECRET//SI//NOFORN', disabled: false };

let dir: string;
let store: Store;
let audit: AuditLog;
let n = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'assay-export-'));
  process.env.ASSAY_HOME = path.join(dir, 'home');
  store = await openStore({ home: process.env.ASSAY_HOME, databaseUrl: '' });
  audit = openAuditLog(store);
});

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const deps = (viewer: User = admin, more: Partial<ExportDeps> = {}): ExportDeps => ({ datasets, qa, labels, audit, viewer, now: () => new Date('2025-02-03T04:05:06.000Z'), ...more });
const outPath = (name: string) => path.join(dir, `${++n}-${name}`);
const run = (request: Partial<ExportRequestInput>, viewer?: User, more?: Partial<ExportDeps>) => exportDataset({ dataset: 'memos', out: outPath('out.jsonl'), ...request }, deps(viewer, more));
const jsonl = (file: string) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
const card = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as DatasetCard;

async function auditEntries(): Promise<AuditEntry[]> {
  const out: AuditEntry[] = [];
  for await (const d of audit.scan()) if (d.ok) out.push(d.entry);
  return out;
}

describe('jsonl (default)', () => {
  it('writes one row per kept chunk with the required fields, PII redacted, and a card whose numbers match the rows', async () => {
    const r = await run({});
    const rows = jsonl(r.out);
    const visible = CHUNKS.filter((c) => c.duplicateOf === undefined);
    expect(rows.map((x) => x.id)).toEqual(visible.map((c) => c.id));
    for (const row of rows) {
      for (const key of ['id', 'text', 'label', 'source', 'pii', 'portion_marks', 'token_count', 'lineage', 'dataset', 'version']) expect(row).toHaveProperty(key);
      expect(row.dataset).toBe('memos');
      expect(row.version).toBe(2);
      expect([...(row.pii as string[])]).toEqual([...(row.pii as string[])].sort());
      expect((row.lineage as { transformations: string[] }).transformations.at(-1)).toMatch(/^pii:redact\(replace\)@/);
    }
    const text = readFileSync(r.out, 'utf8');
    for (const secretValue of [EMAIL, PHONE, CARD, '4111', '1111']) expect(text).not.toContain(secretValue);
    const u1 = rows.find((x) => x.id === U1.id)!;
    expect(u1.text).toBe(`Contact the duty officer at <EMAIL_ADDRESS> or call <PHONE_NUMBER> about the depot move.`);
    expect(u1.pii).toEqual(['EMAIL_ADDRESS', 'PHONE_NUMBER']);
    expect(u1.source).toEqual({ path: U1.lineage.source.path, sha256: U1.lineage.source.sha256, page: 3 });
    expect(u1.portion_marks).toEqual(['(U)']);
    expect(u1.token_count).toBe(U1.tokenCount);

    expect(r.rows).toBe(rows.length);
    expect(r.skipped).toEqual({ aboveMaxLabel: 0, duplicates: 1 });
    expect(r.banner).toBe('TOP SECRET//SI//NOFORN');
    expect(r.sha256).toBe(sha(text));
    // PII counts: every placeholder in the file is counted once, by type.
    const placeholders = (type: string) => text.split(`<${type}>`).length - 1;
    expect(r.piiRedacted).toEqual({ CREDIT_CARD: placeholders('CREDIT_CARD'), EMAIL_ADDRESS: placeholders('EMAIL_ADDRESS'), PHONE_NUMBER: placeholders('PHONE_NUMBER') });
    expect(r.piiRedacted.CREDIT_CARD).toBe(1);

    const c = card(r.card[1]!);
    expect(c.banner).toBe(r.banner);
    expect(c.counts.exported.rows).toBe(rows.length);
    expect(Object.values(c.labels.counts).reduce((a, b) => a + b, 0)).toBe(rows.length);
    for (const [label, count] of Object.entries(c.labels.counts)) expect(rows.filter((x) => x.label === label).length).toBe(count);
    expect(c.counts.exported.files).toBe(new Set(rows.map((x) => (x.source as { sha256: string }).sha256)).size);
    expect(c.counts.exported.documents).toBe(new Set(rows.map((x) => x.document_id)).size);
    expect(c.sources.reduce((a, s) => a + s.rows, 0)).toBe(rows.length);
    expect(c.sources.every((s) => s.format === 'pdf')).toBe(true);
    expect(c.counts.skipped.duplicates).toBe(1);
    expect(c.counts.version).toEqual({ files: 5, documents: 6, chunks: CHUNKS.length, errors: 1 });
    expect(c.pii).toMatchObject({ mode: 'redacted', counts: r.piiRedacted, staleSpans: 1, unconfirmedSpans: 1 });
    expect(c.export.sha256).toBe(r.sha256);
    expect(c.export.files).toEqual([{ path: path.basename(r.out), sha256: r.sha256, bytes: Buffer.byteLength(text) }]);
    expect(c.created).toEqual({ by: admin.id, at: '2025-02-03T04:05:06.000Z' });
    expect(c.digest).toBe(INFO.digest);
    expect(c.versionLabel).toBe(INFO.label);
    // Dedup: the MinHash parameters and the S-curve value at the configured threshold.
    expect(c.dedup.statement).toContain(`pairs at Jaccard 0.8 are found with probability ${lshMatchProbability(0.8, 16, 8).toFixed(2)}`);
    expect(c.dedup.matchProbability.find((m) => m.jaccard === 0.8)?.probability).toBeCloseTo(lshMatchProbability(0.8, 16, 8), 4);

    const md = readFileSync(r.card[0]!, 'utf8').trimEnd().split('\n');
    expect(md[0]).toBe(`**${r.banner}**`);
    expect(md.at(-1)).toBe(`**${r.banner}**`);
    expect(md.join('\n')).toContain(r.sha256);

    const entry = (await auditEntries()).filter((e) => e.action === 'export').at(-1)!;
    expect(entry).toMatchObject({ actor: admin.id, outcome: 'success', object: { type: 'dataset', id: 'memos@2', label: r.banner } });
    expect(entry.details).toMatchObject({ keepPii: false, viewer: admin.id, dataset: 'memos', version: 2, rows: rows.length, sha256: r.sha256 });
  });

  it('--keep-pii exports PII as found, warns, and records keepPii:true with the file hash in the audit log', async () => {
    const r = await run({ keepPii: true });
    const text = readFileSync(r.out, 'utf8');
    expect(text).toContain(EMAIL);
    expect(text).toContain(PHONE);
    expect(r.piiRedacted).toEqual({});
    expect(r.piiKept.EMAIL_ADDRESS).toBe(1);
    expect(r.warnings.some((w) => w.includes('PII was kept'))).toBe(true);
    expect(card(r.card[1]!).pii.mode).toBe('kept');
    expect(readFileSync(r.card[0]!, 'utf8')).toContain('**KEPT**');
    const entry = (await auditEntries()).filter((e) => e.action === 'export').at(-1)!;
    expect(entry.details).toMatchObject({ keepPii: true, viewer: admin.id, dataset: 'memos', version: 2, rows: r.rows, sha256: sha(text) });
    expect(entry.object.label).toBe(r.banner);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('--include-duplicates exports the duplicate too, marked with what it duplicates', async () => {
    const r = await run({ includeDuplicates: true });
    const rows = jsonl(r.out);
    expect(r.skipped.duplicates).toBe(0);
    expect(rows.find((x) => x.id === DUP.id)?.duplicate_of).toBe(`exact:${U1.id}`);
    expect(card(r.card[1]!).dedup.duplicatesExported).toBe(true);
  });
});

describe('labels and clearance', () => {
  it('--max-label exports only rows that marking dominates; banner, counts and sources follow the subset', async () => {
    const r = await run({ maxLabel: 'U' });
    const rows = jsonl(r.out);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(dominates('UNCLASSIFIED', row.label as string)).toBe(true);
    const aboveU = CHUNKS.filter((c) => c.duplicateOf === undefined && !dominates('UNCLASSIFIED', c.label)).length;
    expect(r.skipped.aboveMaxLabel).toBe(aboveU);
    expect(r.rows + r.skipped.aboveMaxLabel).toBe(CHUNKS.length - 1);
    expect(r.banner).toBe('UNCLASSIFIED');
    const c = card(r.card[1]!);
    expect(c.export.options.maxLabel).toBe('UNCLASSIFIED');
    expect(c.counts.skipped.aboveMaxLabel).toBe(aboveU);
    // No source of a withheld row appears on an UNCLASSIFIED card.
    const withheld = CHUNKS.filter((c2) => c2.label !== 'UNCLASSIFIED').map((c2) => c2.lineage.source.path);
    const md = readFileSync(r.card[0]!, 'utf8');
    for (const p of withheld) expect(md).not.toContain(p);
    expect(c.versionLabel).toBeNull();
    expect(md).not.toContain('SECRET');
  });

  it('a viewer gets only rows their clearance dominates, and the banner is the roll-up of those', async () => {
    const r = await run({}, secret);
    const rows = jsonl(r.out);
    expect(rows.some((x) => x.id === TS1.id)).toBe(false);
    expect(rows.map((x) => x.id)).toEqual(CHUNKS.filter((c) => c.duplicateOf === undefined && canRead(secret, c.label)).map((c) => c.id));
    expect(r.banner).toBe('SECRET//NOFORN');
  });

  it('refuses --max-label above the viewer clearance with a clear error, writes nothing, and audits the denial', async () => {
    const out = outPath('denied.jsonl');
    const err = await run({ out, maxLabel: 'TOP SECRET//SI//NOFORN' }, secret).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('USAGE');
    expect((err as AssayError).message).toMatch(/above the clearance of analyst/);
    expect(readdirSync(dir).some((f) => f.includes('denied'))).toBe(false);
    const entry = (await auditEntries()).at(-1)!;
    expect(entry).toMatchObject({ action: 'export', outcome: 'denied', actor: 'analyst' });
  });

  it('refuses a user whose roles may not export (FORBIDDEN)', async () => {
    await expect(run({}, annotator)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses to overwrite unless --force', async () => {
    const out = outPath('twice.jsonl');
    await run({ out });
    await expect(run({ out })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('already exists') });
    const again = await run({ out, force: true, maxLabel: 'UNCLASSIFIED' });
    expect(jsonl(out).length).toBe(again.rows);
  });

  it('a failure mid-export leaves neither the final file nor a temporary file', async () => {
    const sub = path.join(dir, 'crash');
    const broken: DatasetReader = {
      ...datasets,
      async *chunks(viewer) {
        yield U1;
        throw new Error('disk on fire');
      },
    };
    await expect(run({ out: path.join(sub, 'x.jsonl') }, admin, { datasets: broken })).rejects.toThrow('disk on fire');
    expect(readdirSync(sub)).toEqual([]);
  });
});

describe('parquet', () => {
  it('writes the jsonl columns (nested as JSON) with assay.* key-value metadata, readable by hyparquet', async () => {
    const asJsonl = await run({});
    const r = await run({ format: 'parquet', out: outPath('memos.parquet') });
    const bytes = readFileSync(r.out);
    expect(r.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const kv = Object.fromEntries((parquetMetadata(file).key_value_metadata ?? []).map((e) => [e.key, e.value]));
    expect(kv['assay.dataset']).toBe('memos');
    expect(kv['assay.version']).toBe('2');
    expect(kv['assay.digest']).toBe(INFO.digest);
    expect(kv['assay.banner']).toBe(r.banner);
    const lineage = JSON.parse(kv['assay.lineage']!) as { sources: unknown[]; transformations: string[] };
    expect(lineage.sources).toHaveLength(card(r.card[1]!).sources.length);
    expect(lineage.transformations).toContain('parse:pdf@pdfjs-5.6.205');

    const objects = await parquetReadObjects({ file });
    const nested = new Set(['source', 'pii', 'portion_marks', 'lineage', 'metadata']);
    const rows = objects.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, nested.has(k) ? JSON.parse(v as string) : typeof v === 'bigint' ? Number(v) : v])));
    expect(rows).toEqual(jsonl(asJsonl.out));
  });

  it('an empty export (nothing under --max-label) is still a valid Parquet file with its metadata', async () => {
    const restricted: DatasetReader = { ...datasets, async *chunks() { yield S1; } };
    const r = await run({ format: 'parquet', out: outPath('empty.parquet'), maxLabel: 'UNCLASSIFIED' }, admin, { datasets: restricted });
    expect(r.rows).toBe(0);
    const bytes = readFileSync(r.out);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await parquetReadObjects({ file })).toEqual([]);
    expect(parquetMetadata(file).key_value_metadata?.find((e) => e.key === 'assay.banner')?.value).toBe('UNCLASSIFIED');
  });
});

describe('retrieval', () => {
  it('writes a BEIR corpus, queries and qrels that refer to each other', async () => {
    const out = outPath('beir');
    const r = await run({ format: 'retrieval', out });
    const corpus = jsonl(path.join(out, 'corpus.jsonl'));
    expect(corpus.length).toBe(r.rows);
    for (const doc of corpus) {
      expect(Object.keys(doc).sort()).toEqual(['_id', 'metadata', 'text', 'title']);
      expect(doc.metadata).toMatchObject({ label: expect.any(String), source: { path: expect.any(String), sha256: expect.any(String) } });
    }
    expect(corpus.find((d) => d._id === U1.id)?.title).toBe('Memo memo1');
    const queries = jsonl(path.join(out, 'queries.jsonl'));
    expect(queries.map((q) => q._id)).toEqual(QA.map((q) => q.id));
    expect(JSON.stringify(queries)).not.toContain(EMAIL);
    const [header, ...lines] = readFileSync(path.join(out, 'qrels', 'test.tsv'), 'utf8').trim().split('\n');
    expect(header).toBe('query-id\tcorpus-id\tscore');
    const ids = new Set(corpus.map((d) => d._id));
    for (const line of lines) {
      const [q, c, s] = line.split('\t');
      expect(QA.some((x) => x.id === q)).toBe(true);
      expect(ids.has(c!)).toBe(true);
      expect(s).toBe('1');
    }
    expect(lines.length).toBe(QA.length);
    expect(r.card[0]).toBe(`${out}.card.md`);
    expect(r.files.map((f) => path.relative(out, f.path))).toEqual(['corpus.jsonl', 'queries.jsonl', path.join('qrels', 'test.tsv')]);
  });

  it('under --max-label leaves out queries above it, and a prefix --out names files beside it', async () => {
    const out = outPath('beir-');
    const r = await run({ format: 'retrieval', out, maxLabel: 'UNCLASSIFIED' });
    expect(jsonl(`${out}queries.jsonl`).map((q) => q._id)).toEqual(['q1']);
    expect(readFileSync(`${out}qrels/test.tsv`, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(r.banner).toBe('UNCLASSIFIED');
    expect(r.card[1]).toBe(`${out.slice(0, -1)}.card.json`);
  });

  it('writes only the corpus when there are no QA items', async () => {
    const out = outPath('corpus-only');
    const r = await run({ format: 'retrieval', out }, admin, { qa: undefined });
    expect(readdirSync(out)).toEqual(['corpus.jsonl']);
    expect(r.files).toHaveLength(1);
  });
});

describe('eval, chat and preference', () => {
  it('eval: QA items as an Assay eval dataset that loadDataset reads without rejections', async () => {
    const r = await run({ format: 'eval', out: outPath('evals.jsonl') });
    const loaded = await loadDataset({ path: r.out, fields: { input: 'input', target: 'target', label: 'label', metadata: ['metadata'] } }, { baseDir: dir });
    expect(loaded.rejected).toEqual([]);
    expect(loaded.samples.map((s) => s.id)).toEqual(QA.map((q) => q.id));
    expect(loaded.samples[0]!.input).toBe('Whom should I email (<EMAIL_ADDRESS>) about the depot?');
    expect(loaded.samples[1]).toMatchObject({ target: 'Camp Delta', label: 'SECRET//NOFORN' });
    const row = jsonl(r.out)[1]!;
    expect(row.metadata).toMatchObject({ citations: [S1.id], label: 'SECRET//NOFORN', source: { path: S1.lineage.source.path } });
    // The default bare-dataset mapping loads it too.
    const bare = await loadDataset({ path: r.out, fields: { input: 'input', target: 'target' } }, { baseDir: dir });
    expect(bare.samples).toHaveLength(QA.length);
    expect(card(r.card[1]!).counts.exported.rows).toBe(QA.length);
  });

  it('eval without QA items is a clear NOT_FOUND, and nothing is written', async () => {
    const out = outPath('none.jsonl');
    await expect(run({ format: 'eval', out }, admin, { qa: { async *qaItems() {} } })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('no synth QA items') });
    expect(readdirSync(dir).some((f) => f.endsWith('none.jsonl'))).toBe(false);
  });

  it('chat from QA items, with a system message', async () => {
    const r = await run({ format: 'chat', out: outPath('chat.jsonl'), system: 'Answer from the memos.' }, secret);
    const rows = jsonl(r.out);
    expect(rows).toHaveLength(QA.filter((q) => canRead(secret, q.label)).length);
    expect(rows[1]).toEqual({
      id: 'q2',
      messages: [
        { role: 'system', content: 'Answer from the memos.' },
        { role: 'user', content: QA[1]!.question },
        { role: 'assistant', content: 'Camp Delta' },
      ],
      label: 'SECRET//NOFORN',
    });
    expect(r.banner).toBe('SECRET//NOFORN');
  });

  it('chat from a free-text labelling task', async () => {
    const r = await run({ format: 'chat', out: outPath('chat-task.jsonl'), task: 'free' });
    expect(jsonl(r.out)).toEqual([
      { id: 'w1', messages: [{ role: 'user', content: WRITTEN[0]!.prompt }, { role: 'assistant', content: 'Water boils lower; ask <EMAIL_ADDRESS>.' }], label: 'UNCLASSIFIED' },
    ]);
  });

  it('preference from a pairwise task; --max-label applies; needs --task', async () => {
    const r = await run({ format: 'preference', out: outPath('pref.jsonl'), task: 'pairs' });
    const rows = jsonl(r.out);
    expect(rows.map((x) => x.id)).toEqual(['p1', 'p2']);
    expect(rows[0]).toEqual({ id: 'p1', prompt: PAIRS[0]!.prompt, chosen: PAIRS[0]!.chosen, rejected: 'Email <EMAIL_ADDRESS>.', label: 'SECRET//NOFORN' });
    const sub = await run({ format: 'preference', out: outPath('pref-u.jsonl'), task: 'pairs', maxLabel: 'UNCLASSIFIED' });
    expect(jsonl(sub.out).map((x) => x.id)).toEqual(['p2']);
    expect(sub.skipped.aboveMaxLabel).toBe(1);
    await expect(run({ format: 'preference', out: outPath('pref-x.jsonl') })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('--task') });
  });

  it('rejects an unknown format through the request schema', async () => {
    await expect(run({ format: 'xml' as never })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('field "format"') });
  });
});

describe('atomic files', () => {
  it('an export the audit log cannot record is not released', async () => {
    const sub = path.join(dir, 'unaudited');
    const failing: AuditLog = { ...audit, append: async () => Promise.reject(new Error('audit store down')) };
    await expect(run({ out: path.join(sub, 'x.jsonl') }, admin, { audit: failing })).rejects.toThrow('audit store down');
    expect(readdirSync(sub)).toEqual([]);
  });

  it('an aborted export rejects and writes nothing', async () => {
    const sub = path.join(dir, 'aborted');
    const controller = new AbortController();
    controller.abort();
    await expect(run({ out: path.join(sub, 'x.jsonl') }, admin, { signal: controller.signal })).rejects.toThrow();
    expect(readdirSync(sub)).toEqual([]);
  });

  it('never leaves temporary files beside a finished export', async () => {
    const sub = path.join(dir, 'clean');
    await run({ out: path.join(sub, 'a.jsonl') });
    await run({ format: 'parquet', out: path.join(sub, 'a.parquet') });
    writeFileSync(path.join(sub, 'keep.txt'), 'x');
    expect(readdirSync(sub).sort()).toEqual(['a.jsonl', 'a.jsonl.card.json', 'a.jsonl.card.md', 'a.parquet', 'a.parquet.card.json', 'a.parquet.card.md', 'keep.txt']);
  });
});
