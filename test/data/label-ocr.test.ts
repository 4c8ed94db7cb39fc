// End to end through processFile: a scanned PDF whose OCR loses a slash in its banners comes out labelled
// SECRET//NOFORN with a document warning; a DOCX whose classification property disagrees with its banner is
// labelled with the roll-up and warned about.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelDocument } from '../../src/data/elements/index.js';
import { parseIngestOptions } from '../../src/data/ingest/ingest-options.js';
import { processFile, type TreeContext } from '../../src/data/ingest/process-document.js';
import { detectFormat } from '../../src/data/parse/detect-format.js';
import { DEFAULT_PARSE_LIMITS } from '../../src/data/parse/parser.js';
import { PARSERS, releaseParsers } from '../../src/data/parse/registry.js';
import { buildDocx, p } from '../fixtures/parse/office/build-docx.js';
import { makeTestPdfs, type TestPdfs } from '../fixtures/parse/pdf/make-pdfs.js';

const hasPdftoppm = spawnSync('pdftoppm', ['-v'], { stdio: 'ignore' }).error === undefined;
const ctx: TreeContext = {
  dataset: 'label-ocr',
  options: parseIngestOptions({ paths: ['x'], dataset: 'label-ocr' }),
  deps: { parsers: PARSERS, detect: detectFormat },
  maxDepth: 2,
};

let dir = '';
let pdfs: TestPdfs;
/** Whether the OCR of the scanned report garbled its banners (set by the first test, read by the second). */
let ocrNoisy = false;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'assay-label-ocr-'));
  pdfs = makeTestPdfs(dir);
});
afterAll(async () => {
  await releaseParsers();
  rmSync(dir, { recursive: true, force: true });
});

describe('labelling OCR text', () => {
  it.skipIf(!hasPdftoppm)('labels every element of the scanned report SECRET//NOFORN except the (U) paragraph (needs pdftoppm)', async () => {
    const parsed = await PARSERS.pdf.parse({ bytes: pdfs.scanned, path: 'scanned.pdf', sha256: 'e'.repeat(64), limits: DEFAULT_PARSE_LIMITS });
    const { elements, warnings } = labelDocument(parsed.elements);
    const banners = elements.filter((e) => e.type === 'header' || e.type === 'footer');
    expect(banners.length).toBe(4);
    for (const e of elements) expect([e.page, e.text, e.label]).toEqual([e.page, e.text, /^\(U\)/.test(e.text) ? 'UNCLASSIFIED' : 'SECRET//NOFORN']);
    // Whether tesseract keeps the "//" varies with its version; when it does not, the recovery is reported.
    const noisy = banners.filter((e) => e.text !== 'SECRET//NOFORN');
    ocrNoisy = noisy.length > 0;
    console.log(`scanned report banners as OCRed: ${JSON.stringify([...new Set(banners.map((e) => e.text))])}`);
    if (noisy.length) expect(warnings.join('\n')).toMatch(/read leniently as SECRET\/\/NOFORN/);
    else expect(warnings).toEqual([]);
  });

  it.skipIf(!hasPdftoppm)('surfaces the lenient reading as a document warning in ingest (needs pdftoppm)', async () => {
    const { documents, errors } = await processFile(pdfs.scanned, 'scanned.pdf', ctx);
    expect(errors).toEqual([]);
    const [doc] = documents;
    expect(doc!.label).toBe('SECRET//NOFORN');
    expect(doc!.chunks.map((c) => c.label).filter((l) => l !== 'SECRET//NOFORN' && l !== 'UNCLASSIFIED')).toEqual([]);
    expect(doc!.chunks.some((c) => c.label === 'SECRET//NOFORN')).toBe(true);
    const lenient = doc!.warnings.filter((w) => w.includes('read leniently'));
    expect(lenient).toHaveLength(ocrNoisy ? 1 : 0);
    if (ocrNoisy) expect(lenient[0]).toMatch(/^scanned\.pdf: noisy marking ".+" read leniently as SECRET\/\/NOFORN .* in 4 elements, pages 1, 2; check it against the original\.$/);
  });
});

describe('classification properties against banners', () => {
  const docx = (classification: string, banner: string) =>
    buildDocx({ body: [p('Depot Brief', { style: 'Title' }), p('The depot moves on Friday.')].join(''), header: banner, custom: { Classification: classification } });

  it('warns when the property is lower than the banner, and keeps the banner', async () => {
    const { documents } = await processFile(docx('UNCLASSIFIED', 'SECRET//NOFORN'), 'low.docx', ctx);
    expect(documents[0]!.label).toBe('SECRET//NOFORN');
    expect(documents[0]!.warnings).toEqual([expect.stringMatching(/^low\.docx: property custom\.Classification = "UNCLASSIFIED" names a lower classification/)]);
  });

  it('warns when the property is higher than the banner, and labels the document with the roll-up', async () => {
    const { documents } = await processFile(docx('TOP SECRET', 'SECRET//NOFORN'), 'high.docx', ctx);
    expect(documents[0]!.label).toBe('TOP SECRET//NOFORN');
    expect(documents[0]!.warnings).toEqual([expect.stringMatching(/^high\.docx: property custom\.Classification = "TOP SECRET" names a higher classification/)]);
  });

  it('says nothing when property and banner agree', async () => {
    const { documents } = await processFile(docx('SECRET//NOFORN', 'SECRET//NOFORN'), 'same.docx', ctx);
    expect([documents[0]!.label, documents[0]!.warnings]).toEqual(['SECRET//NOFORN', []]);
  });

  it('labels unmarked text from the property when the document shows no marking', async () => {
    const bytes = buildDocx({ body: p('The depot moves on Friday.'), custom: { Classification: 'CONFIDENTIAL' } });
    const { documents } = await processFile(bytes, 'bare.docx', ctx);
    expect(documents[0]!.label).toBe('CONFIDENTIAL');
    expect(documents[0]!.chunks.map((c) => c.label)).toEqual(['CONFIDENTIAL']);
    expect(documents[0]!.warnings[0]).toMatch(/shows no marking; labelled CONFIDENTIAL from the property/);
  });
});
