/** Where an export writes: its data files per format, and the card beside them; refuses to overwrite unless forced. */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { AssayError } from '../../errors/index.js';
import type { ExportFormat } from './export-request.js';

/** The planned files: `data` by role (the first is the primary file), `card` = markdown and JSON. */
export interface ExportPaths {
  /** Role → file, e.g. `{ rows }` or `{ corpus, queries, qrels }`. */
  data: Record<string, string>;
  card: { md: string; json: string };
}

/** A retrieval `--out` ending in one of these is a file-name prefix, otherwise a folder. */
const PREFIX_ENDINGS = ['-', '_', '.'];

/**
 * The files an export of `format` to `out` writes. Retrieval writes `corpus.jsonl`, `queries.jsonl` and
 * `qrels/test.tsv` into the folder `out`, or beside it when `out` is a prefix (`exports/memos-` →
 * `exports/memos-corpus.jsonl`, `exports/memos-queries.jsonl`, `exports/memos-qrels/test.tsv`).
 * @example planExportPaths('jsonl', 'out/memos.jsonl').card.md // '/abs/out/memos.jsonl.card.md'
 */
export function planExportPaths(format: ExportFormat, out: string): ExportPaths {
  const file = path.resolve(out);
  if (format !== 'retrieval') return { data: { rows: file }, card: { md: `${file}.card.md`, json: `${file}.card.json` } };
  const prefix = PREFIX_ENDINGS.some((e) => out.endsWith(e));
  const base = prefix ? file : `${file}${path.sep}`;
  const cardBase = prefix ? file.replace(/[-_.]+$/, '') : file;
  return {
    data: { corpus: `${base}corpus.jsonl`, queries: `${base}queries.jsonl`, qrels: path.join(`${base}qrels`, 'test.tsv') },
    card: { md: `${cardBase}.card.md`, json: `${cardBase}.card.json` },
  };
}

/** Throws USAGE naming the first planned file that exists, unless `force`. */
export async function refuseOverwrite(paths: ExportPaths, force: boolean): Promise<void> {
  if (force) return;
  for (const file of [...Object.values(paths.data), paths.card.md, paths.card.json]) {
    if (await exists(file)) {
      throw new AssayError('USAGE', `${file} already exists; the export will not overwrite it.`, {
        where: { file, field: 'out' },
        hint: 'Choose another --out, or pass --force to replace it.',
      });
    }
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
