// Ingest throughput: a generated corpus of mixed formats (see ingest-corpus.ts) ingested into SQLite, one dataset per
// format; per-format MB/s and units/s (pages for PDF), `pdftotext` on the same PDFs for comparison, and peak RSS at two
// corpus sizes (each ingested in a fresh process) to show memory stays flat as the corpus grows.
// Usage: npm run bench:ingest -- [--small 10] [--large 40] [--pdf-pages 10]
// --incremental N: instead, ingest N text memos into one dataset, then time a second ingest of 5 new memos with stored
// dedup keys (migration 0010), and a third of 5 more after clearing the stored keys (the text path every version took
// before: decrypt and re-shingle every carried-over chunk).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CORPUS_FORMATS, writeCorpus, writeTextMemos } from './ingest-corpus.js';

const { values } = parseArgs({
  options: {
    small: { type: 'string', default: '10' },
    large: { type: 'string', default: '40' },
    'pdf-pages': { type: 'string', default: '10' },
    worker: { type: 'string' },
    incremental: { type: 'string' },
  },
});

const mb = (b: number) => b / 2 ** 20;
const round = (x: number, d = 2) => Number(x.toFixed(d));

interface FormatFigures {
  files: number;
  megabytes: number;
  units: number;
  chunks: number;
  errors: number;
  seconds: number;
  mbPerSecond: number;
  unitsPerSecond: number;
  /** RSS when this format's ingest finished. */
  rssAfterMiB: number;
}

/** Child process: ingest every format folder of the corpus, report figures and peak RSS. */
async function worker(corpus: string): Promise<void> {
  const { ingest } = await import('../src/data/ingest/index.js');
  const { openStore } = await import('../src/store/open-store.js');
  const { keyringCipher, Keyring, generateMasterKey } = await import('../src/governance/crypto/index.js');
  const { localOperator } = await import('../src/governance/identity/local-operator.js');
  const home = mkdtempSync(path.join(tmpdir(), 'assay-bench-ingest-'));
  const store = await openStore({ home, databaseUrl: '' });
  const cipher = keyringCipher(new Keyring(generateMasterKey()));
  const actor = localOperator({ clearance: 'TOP SECRET//SI//NOFORN' });
  let peakRss = 0;
  const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
  const timer = setInterval(sample, 25);
  const formats: Record<string, FormatFigures> = {};
  for (const f of CORPUS_FORMATS) {
    const t0 = performance.now();
    const s = await ingest({ paths: [path.join(corpus, f)], dataset: f }, { db: store, cipher, actor });
    const seconds = (performance.now() - t0) / 1000;
    formats[f] = { files: s.files, megabytes: round(mb(s.bytes)), units: s.units, chunks: s.chunks, errors: s.errors.length, seconds: round(seconds), mbPerSecond: round(mb(s.bytes) / seconds), unitsPerSecond: round(s.units / seconds, 1), rssAfterMiB: Math.round(mb(process.memoryUsage().rss)) };
  }
  clearInterval(timer);
  sample();
  await store.close();
  rmSync(home, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ formats, peakRssMiB: Math.round(mb(peakRss)) }));
}

/** pdftotext (poppler) over the same PDFs, one process per file as a user would run it. */
function pdftotext(dir: string): { files: number; pages: number; seconds: number; pagesPerSecond: number; mbPerSecond: number } {
  const files = readdirSync(dir).map((f) => path.join(dir, f));
  const pages = Number(values['pdf-pages']) * files.length;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const t0 = performance.now();
  for (const f of files) execFileSync('pdftotext', ['-q', f, '/dev/null']);
  const seconds = (performance.now() - t0) / 1000;
  return { files: files.length, pages, seconds: round(seconds), pagesPerSecond: round(pages / seconds, 1), mbPerSecond: round(mb(bytes) / seconds) };
}

async function main(): Promise<void> {
  const sizes = { small: Number(values.small), large: Number(values.large) };
  const root = mkdtempSync(path.join(tmpdir(), 'assay-bench-corpus-'));
  try {
    const runs: Record<string, unknown> = {};
    let largeCorpus = '';
    for (const [name, perFormat] of Object.entries(sizes)) {
      const corpus = path.join(root, name);
      await writeCorpus(corpus, perFormat, Number(values['pdf-pages']));
      const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ingest-throughput.ts'), '--worker', corpus, '--pdf-pages', String(values['pdf-pages'])], {
        encoding: 'utf8',
        maxBuffer: 16 * 2 ** 20,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      runs[name] = { filesPerFormat: perFormat, ...(JSON.parse(out) as object) };
      largeCorpus = corpus;
    }
    const result = {
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(mb(totalmem()))} MiB, node ${process.version}`,
      pdfPagesPerFile: Number(values['pdf-pages']),
      runs,
      pdftotext: pdftotext(path.join(largeCorpus, 'pdf')),
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** A large dataset, then two small increments: one with stored dedup keys, one with the keys cleared (text path). */
async function incremental(baseFiles: number): Promise<void> {
  const { ingest } = await import('../src/data/ingest/index.js');
  const { openStore } = await import('../src/store/open-store.js');
  const { keyringCipher, Keyring, generateMasterKey } = await import('../src/governance/crypto/index.js');
  const { localOperator } = await import('../src/governance/identity/local-operator.js');
  const { sql } = await import('kysely');
  const root = mkdtempSync(path.join(tmpdir(), 'assay-bench-incremental-'));
  const store = await openStore({ home: root, databaseUrl: '' });
  try {
    const cipher = keyringCipher(new Keyring(generateMasterKey()));
    const actor = localOperator({ clearance: 'TOP SECRET//SI//NOFORN' });
    writeTextMemos(path.join(root, 'base'), baseFiles, 'base', 7);
    writeTextMemos(path.join(root, 'keyed'), 5, 'keyed', 8);
    writeTextMemos(path.join(root, 'text'), 5, 'text', 9);
    const timed = async (folder: string) => {
      const t0 = performance.now();
      const s = await ingest({ paths: [path.join(root, folder)], dataset: 'inc' }, { db: store, cipher, actor });
      return { files: s.files, newChunks: s.chunks, version: s.version, seconds: round((performance.now() - t0) / 1000, 3) };
    };
    const base = await timed('base');
    const keyed = await timed('keyed');
    const { db } = store as unknown as { db: import('kysely').Kysely<unknown> };
    await sql`update ds_chunks set dedup_key = null where dataset = 'inc'`.execute(db);
    const text = await timed('text');
    const versionChunks = await sql<{ n: number }>`select count(*) as n from ds_version_chunks where dataset = 'inc' and version = 3`.execute(db);
    console.log(JSON.stringify({
      date: new Date().toISOString(),
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, node ${process.version}`,
      base,
      secondBatchStoredKeys: keyed,
      thirdBatchKeysCleared: text,
      chunksInLastVersion: Number(versionChunks.rows[0]?.n ?? 0),
    }, null, 2));
  } finally {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  }
}

if (values.worker) await worker(values.worker);
else if (values.incremental) await incremental(Number(values.incremental));
else await main();
