// Every format through the real pipeline into a real store: PDF (ghostscript), DOCX, XLSX, CSV, HTML, EML, MBOX,
// JSON, XML and a ZIP whose members become embedded documents; each keeps its lineage and labels.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatasetReader, type ChunkRecord } from '../../src/data/dataset/index.js';
import { ingest, type IngestSummary } from '../../src/data/ingest/index.js';
import { guardProcessEgress, type EgressGate } from '../../src/governance/egress/index.js';
import { buildDocx, p } from '../fixtures/parse/office/build-docx.js';
import { makeTestPdfs } from '../fixtures/parse/pdf/make-pdfs.js';
import { openHarness, topSecret, type Harness } from './ingest-harness.js';

const EML = [
  'From: Ops Desk <ops@example.mil>',
  'To: Logistics <log@example.mil>',
  'Subject: Depot move',
  'Date: Tue, 3 Mar 2026 09:00:00 +0000',
  'Message-ID: <depot-1@example.mil>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="b1"',
  '',
  '--b1',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'UNCLASSIFIED',
  '',
  'The depot moves to Camp Delta on Friday. Schedule attached.',
  '--b1',
  'Content-Type: text/plain; name="schedule.txt"',
  'Content-Disposition: attachment; filename="schedule.txt"',
  '',
  'Friday 0600 load trucks. Friday 0900 depart.',
  '--b1--',
  '',
].join('\r\n');

let h: Harness;
let dir: string;
let summary: IngestSummary;
let chunks: ChunkRecord[];
let gate: EgressGate;
let blockedDuringIngest: unknown[];

beforeAll(async () => {
  // As in the CLI: no connection may leave the process while files are parsed (OCR data, fonts, DTDs are all local).
  gate = guardProcessEgress();
  h = await openHarness('sqlite');
  dir = mkdtempSync(path.join(tmpdir(), 'assay-formats-'));
  const pdfs = makeTestPdfs(dir); // writes report.pdf and friends into dir; keep only the text one
  for (const f of ['encrypted.pdf', 'scanned.pdf', 'truncated.pdf']) rmSync(path.join(dir, f), { force: true });
  const corpus = path.join(dir, 'corpus');
  mkdirSync(corpus);
  writeFileSync(path.join(corpus, 'report.pdf'), pdfs.text);
  writeFileSync(path.join(corpus, 'brief.docx'), buildDocx({ body: [p('Depot Brief', { style: 'Title' }), p('(U) The depot brief covers the move to Camp Delta.')].join(''), header: 'UNCLASSIFIED' }));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Trucks');
  ws.addRows([['truck', 'driver'], ['T-1', 'Alvarez'], ['T-2', 'Brooks']]);
  writeFileSync(path.join(corpus, 'trucks.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
  writeFileSync(path.join(corpus, 'fuel.csv'), 'site,litres\nHarlow,1200\nDelta,800\n');
  writeFileSync(path.join(corpus, 'page.html'), '<html><head><title>Depot page</title></head><body><h1>Depot</h1><p>Opening hours are six to eight.</p></body></html>');
  writeFileSync(path.join(corpus, 'move.eml'), EML);
  writeFileSync(path.join(corpus, 'bundle.zip'), zipSync({ 'inner/note.txt': strToU8('A note packed inside the archive about spare tyres.\n') }));
  writeFileSync(path.join(corpus, 'stores.json'), JSON.stringify({ depot: 'Camp Delta', items: [{ name: 'tents', count: 40 }] }));
  writeFileSync(path.join(corpus, 'orders.xml'), '<?xml version="1.0"?><orders><order id="1"><item>generators</item><note>Ship to the northern depot.</note></order></orders>');
  writeFileSync(path.join(corpus, 'mail.mbox'), `From ops@example.mil Tue Mar  3 09:00:00 2026\n${EML.replaceAll('\r\n', '\n')}\nFrom log@example.mil Tue Mar  3 10:00:00 2026\nFrom: log@example.mil\nSubject: Re: Depot move\n\nAcknowledged, trucks ready at 0600.\n`);
  summary = await ingest({ paths: ['corpus'], dataset: 'formats' }, { db: h.store, cipher: h.cipher, actor: topSecret, cwd: dir });
  blockedDuringIngest = [...gate.blocked];
  chunks = [];
  for await (const c of createDatasetReader(h.store, h.cipher).chunks(topSecret, 'formats', undefined, { includeDuplicates: true })) chunks.push(c);
}, 60_000);

afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('ingest of every format', () => {
  it('runs under the egress guard, which refuses any connection', async () => {
    await expect(fetch('http://203.0.113.7/')).rejects.toMatchObject({ code: 'EGRESS_BLOCKED' });
  });

  it('stores each file as a document and its embedded files as child documents, with no errors', () => {
    expect(summary.errors).toEqual([]);
    expect(blockedDuringIngest).toEqual([]);
    expect(summary.files).toBe(10);
    // 10 files + the zip member + the e-mail's attachment + the mbox's two messages and the first one's attachment.
    expect(summary.documents).toBe(15);
    expect(summary.version).toBe(1);
  });

  it('keeps format, source and labels in every chunk', async () => {
    const byPath = (p: string) => chunks.filter((c) => c.lineage.source.path === p);
    expect(byPath('corpus/report.pdf').some((c) => c.label === 'SECRET//NOFORN' && c.lineage.page !== undefined)).toBe(true);
    expect(byPath('corpus/report.pdf')[0]!.lineage.transformations[0]).toBe('parse:pdf@pdfjs-dist@5.6.205');
    expect(byPath('corpus/brief.docx').map((c) => c.text).join(' ')).toMatch(/Camp Delta/);
    expect(byPath('corpus/trucks.xlsx').map((c) => c.text).join(' ')).toMatch(/Alvarez/);
    expect(byPath('corpus/fuel.csv').map((c) => c.text).join(' ')).toMatch(/Harlow/);
    expect(byPath('corpus/page.html').map((c) => c.text).join(' ')).toMatch(/Opening hours/);
    expect(byPath('corpus/move.eml').map((c) => c.text).join(' ')).toMatch(/Camp Delta/);
    const attachment = chunks.find((c) => c.lineage.source.path.startsWith('corpus/move.eml!/') && /0600 load trucks/.test(c.text));
    expect(attachment?.metadata.parent).toBe('corpus/move.eml');
    expect(byPath('corpus/stores.json').map((c) => c.text).join(' ')).toMatch(/Camp Delta/);
    expect(byPath('corpus/orders.xml').map((c) => c.text).join(' ')).toMatch(/northern depot/);
    expect(chunks.some((c) => c.lineage.source.path.startsWith('corpus/mail.mbox') && /trucks ready at 0600/.test(c.text))).toBe(true);
    const member = chunks.find((c) => c.lineage.source.path === 'corpus/bundle.zip!/inner/note.txt');
    expect(member?.text).toMatch(/spare tyres/);
    const docs = [];
    for await (const d of createDatasetReader(h.store, h.cipher).documents(topSecret, 'formats')) docs.push(d);
    expect(docs.map((d) => d.path).filter((p) => p.includes('!/'))).toEqual([
      'corpus/bundle.zip!/inner/note.txt',
      'corpus/mail.mbox!/message-1.eml',
      'corpus/mail.mbox!/message-1.eml!/attachment-1/schedule.txt',
      'corpus/mail.mbox!/message-2.eml',
      'corpus/move.eml!/attachment-1/schedule.txt',
    ]);
    const zip = docs.find((d) => d.path === 'corpus/bundle.zip')!;
    expect(docs.find((d) => d.path === 'corpus/bundle.zip!/inner/note.txt')?.parentId).toBe(zip.id);
    expect(docs.find((d) => d.path === 'corpus/report.pdf')?.properties.title).toBe('Exercise Report');
  });
});
