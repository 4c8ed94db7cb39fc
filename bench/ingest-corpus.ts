// A generated, seeded corpus for the ingest benchmark: text, Markdown, CSV, HTML, DOCX, XLSX and multi-page PDFs
// (ghostscript renders a generated PostScript file), each file with a banner and portion-marked paragraphs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildDocx, p } from '../test/fixtures/parse/office/build-docx.js';

const WORDS = 'depot convoy fuel ration generator bridge inspection schedule vehicle battalion supply route weather maintenance report audit northern sector logistics spare parts trucks camp delta harlow field kitchen water filter battery cooling system season'.split(' ');

/** A seeded generator so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(r: () => number, words = 18): string {
  const w = Array.from({ length: words }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  return `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}.`;
}

function paragraphs(r: () => number, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${i % 3 === 0 ? '(S//NF)' : '(U)'} ${sentence(r)} ${sentence(r)} ${sentence(r)}`);
}

const psEscape = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A PostScript document of `pages` pages, ~40 lines each, with banners top and bottom. */
function postscript(r: () => number, pages: number): string {
  const out = ['%!PS', '<< /PageSize [612 792] >> setpagedevice'];
  for (let pg = 0; pg < pages; pg++) {
    out.push('/Helvetica-Bold findfont 12 scalefont setfont 250 770 moveto (SECRET//NOFORN) show 250 24 moveto (SECRET//NOFORN) show');
    out.push('/Times-Roman findfont 10 scalefont setfont');
    for (let line = 0; line < 40; line++) {
      const text = line % 8 === 0 ? `${line % 16 === 0 ? '(S//NF)' : '(U)'} ${sentence(r, 10)}` : sentence(r, 12);
      out.push(`72 ${740 - line * 17} moveto (${psEscape(text)}) show`);
    }
    out.push('showpage');
  }
  return out.join('\n');
}

/** Formats the corpus has, each in its own folder. */
export const CORPUS_FORMATS = ['text', 'markdown', 'csv', 'html', 'docx', 'xlsx', 'pdf'] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

/** Writes `perFormat` files of each format under `dir/<format>/`; PDFs have `pdfPages` pages. */
export async function writeCorpus(dir: string, perFormat: number, pdfPages: number): Promise<void> {
  const r = rng(42);
  for (const f of CORPUS_FORMATS) mkdirSync(path.join(dir, f), { recursive: true });
  for (let i = 0; i < perFormat; i++) {
    const body = paragraphs(r, 60);
    writeFileSync(path.join(dir, 'text', `memo-${i}.txt`), ['SECRET//NOFORN', '', ...body.flatMap((x) => [x, '']), 'SECRET//NOFORN', ''].join('\n'));
    writeFileSync(path.join(dir, 'markdown', `notes-${i}.md`), body.map((x, j) => (j % 10 === 0 ? `# Section ${j / 10}\n\n${x}` : x)).join('\n\n'));
    const rows = Array.from({ length: 400 }, (_, j) => `${j},${WORDS[j % WORDS.length]},${Math.floor(r() * 10000)},${sentence(r, 6)}`);
    writeFileSync(path.join(dir, 'csv', `table-${i}.csv`), ['id,item,qty,note', ...rows].join('\n'));
    writeFileSync(path.join(dir, 'html', `page-${i}.html`), `<html><body><p>SECRET//NOFORN</p>${body.map((x, j) => (j % 10 === 0 ? `<h2>Part ${j}</h2><p>${x}</p>` : `<p>${x}</p>`)).join('')}<p>SECRET//NOFORN</p></body></html>`);
    writeFileSync(path.join(dir, 'docx', `brief-${i}.docx`), buildDocx({ body: body.map((x) => p(x)).join(''), header: 'SECRET//NOFORN', footer: 'SECRET//NOFORN' }));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Items');
    ws.addRows([['id', 'item', 'qty', 'note'], ...rows.map((x) => x.split(','))]);
    writeFileSync(path.join(dir, 'xlsx', `sheet-${i}.xlsx`), new Uint8Array(await wb.xlsx.writeBuffer()));
  }
  // One PostScript source rendered to one PDF, then copied with a per-file trailer comment so every file differs.
  const ps = path.join(dir, 'source.ps');
  writeFileSync(ps, postscript(r, pdfPages));
  const first = path.join(dir, 'pdf', 'report-0.pdf');
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', `-sOutputFile=${first}`, ps]);
  const bytes = (await import('node:fs')).readFileSync(first);
  for (let i = 1; i < perFormat; i++) writeFileSync(path.join(dir, 'pdf', `report-${i}.pdf`), Buffer.concat([bytes, Buffer.from(`\n%copy ${i}\n`)]));
}

/** Writes `count` text memos (`<prefix>-<i>.txt`, banner and 60 portion-marked paragraphs each) under `dir`. */
export function writeTextMemos(dir: string, count: number, prefix: string, seed: number): void {
  const r = rng(seed);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) writeFileSync(path.join(dir, `${prefix}-${i}.txt`), ['SECRET//NOFORN', '', ...paragraphs(r, 60).flatMap((x) => [x, '']), 'SECRET//NOFORN', ''].join('\n'));
}
