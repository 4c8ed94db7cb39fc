/**
 * The records an export reads, filtered the same way for every format: the reader's clearance filter (checked
 * again here, fail closed), duplicates unless --include-duplicates, and --max-label; PII cleaned on the way out.
 */
import { AssayError } from '../../errors/index.js';
import { canRead } from '../../governance/access/can-read.js';
import { dominates } from '../../markings/index.js';
import type { PreferencePair, QaItem, WrittenResponse } from '../dataset/dataset-types.js';
import { chunkRow, type ChunkRow } from './chunk-row.js';
import type { ExportContext } from './export-context.js';

/** The chunks to export, as rows; each counted in the tally. */
export async function* exportChunks(ctx: ExportContext): AsyncGenerator<ChunkRow> {
  const { deps, info, request, tally, redactor } = ctx;
  for await (const chunk of deps.datasets.chunks(deps.viewer, info.dataset, info.version, { includeDuplicates: true })) {
    deps.signal?.throwIfAborted();
    assertReadable(ctx, chunk.label, `chunk ${chunk.id}`);
    tally.visibleChunks++;
    if (chunk.duplicateOf !== undefined && !request.includeDuplicates) {
      tally.skipped.duplicates++;
      continue;
    }
    if (!withinMaxLabel(ctx, chunk.label)) continue;
    const clean = redactor.chunk(chunk);
    const metadata = Object.fromEntries(Object.entries(chunk.metadata).map(([k, v]) => [k, redactor.text(v).text]));
    tally.addRow({ label: chunk.label, source: chunk.lineage.source, documentId: chunk.documentId });
    yield chunkRow(chunk, info, clean, metadata, ctx.exportSteps);
  }
}

/** The synth QA items to export (question and answer cleaned). `count` false for items that are not rows (retrieval queries). */
export async function* exportQaItems(ctx: ExportContext, options: { count: boolean; required: boolean }): AsyncGenerator<QaItem> {
  const { deps, info, tally, redactor } = ctx;
  if (!deps.qa) {
    if (!options.required) return;
    throw new AssayError('NOT_FOUND', `No synth QA item reader is available for dataset ${info.dataset}.`, {
      hint: 'QA items come from `assay dataset synth`; run it first, or export another format.',
    });
  }
  let seen = 0;
  for await (const item of deps.qa.qaItems(deps.viewer, info.dataset, info.version)) {
    seen++;
    deps.signal?.throwIfAborted();
    assertReadable(ctx, item.label, `QA item ${item.id}`);
    if (!withinMaxLabel(ctx, item.label)) continue;
    const cleaned = { ...item, question: redactor.text(item.question).text, answer: redactor.text(item.answer).text };
    if (options.count) tally.addRow({ label: item.label, source: item.source });
    else tally.noteLabel(item.label);
    yield cleaned;
  }
  if (seen === 0 && options.required) {
    throw new AssayError('NOT_FOUND', `Dataset ${info.dataset} version ${info.version} has no synth QA items you may read.`, {
      hint: `Run \`assay dataset synth ${info.dataset} --version ${info.version}\` first, or export with --format jsonl.`,
    });
  }
}

/** The preference pairs of a labelling task (prompt, chosen and rejected cleaned). */
export async function* exportPreferencePairs(ctx: ExportContext): AsyncGenerator<PreferencePair> {
  const { deps, redactor, tally } = ctx;
  for await (const pair of labelsReader(ctx).preferencePairs(deps.viewer, taskId(ctx))) {
    deps.signal?.throwIfAborted();
    assertReadable(ctx, pair.label, `preference pair ${pair.id}`);
    if (!withinMaxLabel(ctx, pair.label)) continue;
    tally.addRow({ label: pair.label });
    yield { ...pair, prompt: redactor.text(pair.prompt).text, chosen: redactor.text(pair.chosen).text, rejected: redactor.text(pair.rejected).text };
  }
}

/** The written responses of a free-text labelling task (prompt and response cleaned). */
export async function* exportWrittenResponses(ctx: ExportContext): AsyncGenerator<WrittenResponse> {
  const { deps, redactor, tally } = ctx;
  for await (const written of labelsReader(ctx).writtenResponses(deps.viewer, taskId(ctx))) {
    deps.signal?.throwIfAborted();
    assertReadable(ctx, written.label, `written response ${written.id}`);
    if (!withinMaxLabel(ctx, written.label)) continue;
    tally.addRow({ label: written.label });
    yield { ...written, prompt: redactor.text(written.prompt).text, response: redactor.text(written.response).text };
  }
}

function withinMaxLabel(ctx: ExportContext, label: string): boolean {
  if (ctx.maxLabel === undefined || dominates(ctx.maxLabel, label)) return true;
  ctx.tally.skipped.aboveMaxLabel++;
  return false;
}

/** The readers filter by clearance; a record above it here is a reader bug, and the export stops rather than leak. */
function assertReadable(ctx: ExportContext, label: string, what: string): void {
  if (canRead(ctx.deps.viewer, label)) return;
  throw new AssayError('INTERNAL', `The reader returned ${what} labelled ${label}, above the clearance of ${ctx.deps.viewer.id}; export stopped.`, {
    hint: 'This is a bug in the dataset reader; nothing was written. Report it.',
  });
}

function labelsReader(ctx: ExportContext) {
  if (!ctx.deps.labels) {
    throw new AssayError('NOT_FOUND', 'No labelling results reader is available.', { hint: 'Labelling tasks come from `assay label`; export another format.' });
  }
  return ctx.deps.labels;
}

function taskId(ctx: ExportContext): string {
  if (ctx.request.task === undefined) {
    throw new AssayError('USAGE', `--format ${ctx.request.format} from a labelling task needs --task <id>.`, { where: { field: 'task' }, hint: 'Name the labelling task whose consensus to export.' });
  }
  return ctx.request.task;
}
