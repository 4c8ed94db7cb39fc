import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPdfs, type TestPdfs } from '../../../../test/fixtures/parse/pdf/make-pdfs.js';
import { AssayError } from '../../../errors/index.js';
import { labelElements } from '../../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type ParsedFile, type ParseInput } from '../parser.js';
import { pdfParser, terminateOcrWorker } from './index.js';

function input(bytes: Uint8Array, overrides: Partial<ParseInput> = {}): ParseInput {
  return { bytes, path: 'report.pdf', sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS, ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<AssayError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

const has = (tool: string) => spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
const hasPdftoppm = has('pdftoppm');
const canUnshareNet = spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0;

describe('pdfParser', () => {
  let dir = '';
  let pdfs: TestPdfs;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'assay-pdftest-'));
    pdfs = makeTestPdfs(dir);
  });
  afterAll(async () => {
    await terminateOcrWorker();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lays out a text PDF: banners as header/footer, title, paragraphs, list items, pages, boxes, offsets', async () => {
    const parsed = await pdfParser.parse(input(pdfs.text));
    expect(parsed.units).toBe(2);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.elements.map((e) => [e.page, e.type, e.text])).toEqual([
      [1, 'header', 'SECRET//NOFORN'],
      [1, 'title', 'Exercise Report'],
      [1, 'narrative_text', '(S//NF) The first paragraph describes the exercise and its aims.\nIt continues on a second line with more detail about the setting.'],
      [1, 'narrative_text', '(U) The second paragraph is unclassified and short.'],
      [1, 'list_item', '- First bullet item'],
      [1, 'list_item', '- Second bullet item'],
      [1, 'list_item', '1. Numbered item one'],
      [1, 'footer', 'SECRET//NOFORN'],
      [2, 'header', 'SECRET//NOFORN'],
      [2, 'title', 'Findings'],
      [2, 'narrative_text', '(S//NF) The findings paragraph on page two.'],
      [2, 'footer', 'SECRET//NOFORN'],
    ]);
    const [header, title] = parsed.elements;
    expect(title!.metadata.level).toBe(1);
    expect(parsed.elements[9]!.metadata.level).toBe(2);
    // Boxes are in points from the top-left: the banner drawn at y=770 (of 792) sits near the top.
    expect(header!.position.bbox![1]).toBeLessThan(30);
    expect(parsed.elements[7]!.position.bbox![1]).toBeGreaterThan(740);
    expect(title!.position.bbox).toEqual([72, 72, expect.closeTo(224.28, 1), 92]);
    const joined = parsed.elements.map((e) => e.text).join('\n\n');
    for (const e of parsed.elements) expect(joined.slice(e.position.charStart, e.position.charEnd)).toBe(e.text);
    expect(parsed.properties).toMatchObject({ title: 'Exercise Report', author: 'J. Analyst', pages: '2' });
    expect(parsed.properties.created).toMatch(/^\d{4}-\d\d-\d\dT/);
    const labels = labelElements(parsed.elements).map((e) => e.label);
    expect(labels[2]).toBe('SECRET//NOFORN');
    expect(labels[3]).toBe('UNCLASSIFIED');
  });

  it('refuses an encrypted PDF, saying a password is needed', async () => {
    const err = await failure(pdfParser.parse(input(pdfs.encrypted)));
    expect(err.code).toBe('DATASET_INVALID');
    expect(err.message).toBe('report.pdf: encrypted PDF, cannot read without the password.');
    expect(err.hint).toMatch(/unencrypted copy/);
  });

  it('refuses truncated and corrupt PDFs with the reason', async () => {
    const cut = await failure(pdfParser.parse(input(pdfs.truncated)));
    expect([cut.code, cut.message]).toEqual(['DATASET_INVALID', 'report.pdf: corrupt or truncated PDF (no %%EOF marker at the end: the file is cut off).']);
    const garbage = new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body at all\n%%EOF\n');
    const bad = await failure(pdfParser.parse(input(garbage)));
    expect(bad.code).toBe('DATASET_INVALID');
    expect(bad.message).toMatch(/^report\.pdf: corrupt or truncated PDF \(.+\)\.$/);
  });

  it('respects limits.maxPages and the abort signal', async () => {
    const tooMany = await failure(pdfParser.parse(input(pdfs.text, { limits: { ...DEFAULT_PARSE_LIMITS, maxPages: 1 } })));
    expect([tooMany.code, tooMany.message]).toEqual(['LIMIT_EXCEEDED', 'report.pdf: 2 pages, more than the limit of 1.']);
    const controller = new AbortController();
    controller.abort();
    expect((await failure(pdfParser.parse(input(pdfs.text, { signal: controller.signal })))).code).toBe('ABORTED');
  });

  it('warns about a scanned page when OCR is off', async () => {
    const parsed = await pdfParser.parse(input(pdfs.scanned, { ocr: false }));
    expect(parsed.elements).toEqual([]);
    expect(parsed.warnings).toEqual([
      'report.pdf: page 1 has no text layer and OCR is off; its text is missing.',
      'report.pdf: page 2 has no text layer and OCR is off; its text is missing.',
    ]);
  });

  it('warns, not crashes, when pdftoppm is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(dir, 'no-such-bin');
    try {
      const parsed = await pdfParser.parse(input(pdfs.scanned));
      expect(parsed.elements).toEqual([]);
      expect(parsed.warnings[0]).toBe('report.pdf: page 1 has no text layer and was not read: OCR needs pdftoppm from poppler-utils.');
    } finally {
      process.env.PATH = path;
    }
  });

  /**
   * OCR in a child process with no network (unshare -n) when the machine allows it, else in this process; either
   * way with TMPDIR pointed at a private folder, so leftover temporary files can be seen.
   */
  async function parseScanned(tmp: string): Promise<{ parsed: ParsedFile; offline: boolean }> {
    if (!canUnshareNet) {
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = tmp;
      try {
        return { parsed: await pdfParser.parse(input(pdfs.scanned)), offline: false };
      } finally {
        process.env.TMPDIR = saved;
      }
    }
    const file = join(dir, 'scanned.pdf');
    const script = new URL('../../../../test/fixtures/parse/pdf/ocr-offline.mts', import.meta.url).pathname;
    const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs')).href;
    // cwd is the scratch folder, so a traineddata cache written "to the working directory" would show up there.
    const out = execFileSync('unshare', ['-n', process.execPath, '--import', tsx, script, file, 'report.pdf'], {
      encoding: 'utf8',
      cwd: dir,
      env: { ...process.env, TMPDIR: tmp },
    });
    return { parsed: JSON.parse(out) as ParsedFile, offline: true };
  }

  it.skipIf(!hasPdftoppm)('OCRs a scanned PDF with no network, banners included, leaving no files behind (needs pdftoppm)', async () => {
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    const started = performance.now();
    const { parsed, offline } = await parseScanned(tmp);
    const ms = performance.now() - started;
    console.log(`OCR of ${parsed.units} scanned pages${offline ? ' under unshare -n' : ''}: ${Math.round(ms)} ms, process and worker start included`);
    expect(parsed.properties.ocr_pages).toBe('1,2');
    expect(parsed.warnings.join('\n')).not.toMatch(/not read/);
    // Banner lines in the top and bottom bands are page furniture, as on a text page; the rest is image_text.
    expect(new Set(parsed.elements.map((e) => e.type))).toEqual(new Set(['header', 'image_text', 'footer']));
    expect(parsed.elements.filter((e) => e.type !== 'image_text').every((e) => /SECRET/.test(e.text))).toBe(true);
    const page1 = parsed.elements.filter((e) => e.page === 1);
    expect(page1[0]!.text).toContain('SECRET');
    expect(page1[0]!.position.bbox![1]).toBeLessThan(30);
    expect(page1.map((e) => e.text).join('\n')).toMatch(/first paragraph describes the exercise/);
    expect(parsed.elements.filter((e) => /SECRET/.test(e.text)).length).toBeGreaterThanOrEqual(3);
    // tsx (which runs the child) keeps its compile cache in TMPDIR; anything else would be ours.
    expect(readdirSync(tmp).filter((n) => !n.startsWith('tsx-'))).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.includes('traineddata'))).toEqual([]);
  });
});
