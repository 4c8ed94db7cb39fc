/**
 * `assay dataset synth`: a model writes question–answer items from each chunk, then two filters keep only items that
 * are answerable from the cited chunk and NOT answerable without it (so the eval measures use of the organisation's
 * documents, not general knowledge). Every rejection is counted by reason; a model error fails one chunk, not the run.
 */
import PQueue from 'p-queue';
import { AssayError } from '../../errors/index.js';
import { requireRole } from '../../governance/access/require-role.js';
import type { User } from '../../governance/identity/user.js';
import { sha256 } from '../../hashing/canonical-json.js';
import type { GenerateConfig, ModelProvider } from '../../model/index.js';
import type { ChunkRecord, DatasetReader, QaItem } from '../dataset/dataset-types.js';
import { supportRecall, tokenF1 } from './answer-match.js';
import { parseGenerated } from './parse-generated.js';
import { answerPrompt, generationPrompt } from './synth-prompts.js';

/** Why an item was dropped. */
export const REJECTION_REASONS = ['unparseable', 'not_in_chunk', 'not_answerable_with_chunk', 'answerable_without_chunk', 'duplicate_question', 'model_error'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface SynthOptions {
  dataset: string;
  version?: number;
  /** Items asked of the generator per chunk (default 2). */
  perChunk?: number;
  /** Chunks to use at most, in the dataset's order (default all). */
  limit?: number;
  /** Chunks with fewer tokens are skipped (default 20). */
  minTokens?: number;
  /** Token F1 at or above which an answer counts as matching the reference (default 0.5). */
  matchThreshold?: number;
  /** Share of the reference answer's tokens that must occur in the chunk (default 0.6). */
  supportThreshold?: number;
  /** Chunks in flight (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface SynthDeps {
  datasets: DatasetReader;
  viewer: User;
  /** Writes the items. */
  generator: ModelProvider;
  /** Answers them with and without the chunk; default the generator (a different model is a stronger filter). */
  answerer?: ModelProvider;
}

export interface RejectedItem {
  chunkId: string;
  /** The chunk's label (a rejected item still quotes the chunk). */
  label: string;
  question?: string;
  answer?: string;
  reason: RejectionReason;
  detail: string;
}

export interface SynthResult {
  dataset: string;
  version: number;
  items: QaItem[];
  rejected: RejectedItem[];
  stats: {
    chunks: number;
    skippedShort: number;
    generated: number;
    kept: number;
    rejected: Record<RejectionReason, number>;
    calls: number;
    inputTokens: number;
    outputTokens: number;
  };
  settings: { generator: string; answerer: string; perChunk: number; matchThreshold: number; supportThreshold: number; minTokens: number };
}

const GENERATE: GenerateConfig = { temperature: 0.2, maxTokens: 1024 };
const ANSWER: GenerateConfig = { temperature: 0, maxTokens: 64 };
const UNKNOWN = /^\s*unknown\.?\s*$/i;

/**
 * Writes and filters items for every readable, non-duplicate chunk of a dataset version.
 * @example const r = await synthesize({ dataset: 'memos' }, { datasets, viewer, generator });
 */
export async function synthesize(options: SynthOptions, deps: SynthDeps): Promise<SynthResult> {
  // Writing evals with a model is running models on the data: the eval.run role, before anything is read.
  requireRole(deps.viewer, 'eval.run');
  const info = await deps.datasets.getVersion(deps.viewer, options.dataset, options.version);
  const settings = {
    generator: deps.generator.id,
    answerer: (deps.answerer ?? deps.generator).id,
    perChunk: options.perChunk ?? 2,
    matchThreshold: options.matchThreshold ?? 0.5,
    supportThreshold: options.supportThreshold ?? 0.6,
    minTokens: options.minTokens ?? 20,
  };
  if (!(settings.perChunk >= 1 && settings.perChunk <= 20)) {
    throw new AssayError('USAGE', `--per-chunk must be between 1 and 20 (got ${settings.perChunk}).`, { where: { field: 'perChunk' } });
  }
  const stats: SynthResult['stats'] = {
    chunks: 0,
    skippedShort: 0,
    generated: 0,
    kept: 0,
    rejected: Object.fromEntries(REJECTION_REASONS.map((r) => [r, 0])) as Record<RejectionReason, number>,
    calls: 0,
    inputTokens: 0,
    outputTokens: 0,
  };
  const answerer = deps.answerer ?? deps.generator;
  const call = async (model: ModelProvider, messages: ReturnType<typeof answerPrompt>, config: GenerateConfig) => {
    const out = await model.generate({ messages, config }, { signal: options.signal });
    stats.calls++;
    stats.inputTokens += out.usage.inputTokens;
    stats.outputTokens += out.usage.outputTokens;
    return out.text;
  };
  const byChunk = new Map<string, { items: QaItem[]; rejected: RejectedItem[] }>();
  const reject = (into: RejectedItem[], r: RejectedItem) => {
    into.push(r);
    stats.rejected[r.reason]++;
  };

  const work = async (chunk: ChunkRecord) => {
    const items: QaItem[] = [];
    const rejected: RejectedItem[] = [];
    byChunk.set(chunk.id, { items, rejected });
    let reply: string;
    try {
      reply = await call(deps.generator, generationPrompt(chunk.text, settings.perChunk), GENERATE);
    } catch (err) {
      if (options.signal?.aborted) throw err;
      reject(rejected, { chunkId: chunk.id, label: chunk.label, reason: 'model_error', detail: err instanceof Error ? err.message : String(err) });
      return;
    }
    const parsed = parseGenerated(reply);
    if ('error' in parsed) {
      reject(rejected, { chunkId: chunk.id, label: chunk.label, reason: 'unparseable', detail: parsed.error });
      return;
    }
    for (const g of parsed.items.slice(0, settings.perChunk)) {
      stats.generated++;
      const base = { chunkId: chunk.id, label: chunk.label, question: g.question, answer: g.answer };
      const support = supportRecall(g.answer, chunk.text);
      if (support < settings.supportThreshold) {
        reject(rejected, { ...base, reason: 'not_in_chunk', detail: `only ${Math.round(support * 100)}% of the answer's words occur in the chunk` });
        continue;
      }
      try {
        const open = await call(answerer, answerPrompt(g.question, chunk.text), ANSWER);
        const openF1 = UNKNOWN.test(open) ? 0 : tokenF1(open, g.answer);
        if (openF1 < settings.matchThreshold) {
          reject(rejected, { ...base, reason: 'not_answerable_with_chunk', detail: `with the chunk the answerer said "${open.slice(0, 200)}" (F1 ${openF1.toFixed(2)})` });
          continue;
        }
        const closed = await call(answerer, answerPrompt(g.question, undefined), ANSWER);
        const closedF1 = UNKNOWN.test(closed) ? 0 : tokenF1(closed, g.answer);
        if (closedF1 >= settings.matchThreshold) {
          reject(rejected, { ...base, reason: 'answerable_without_chunk', detail: `without the chunk the answerer said "${closed.slice(0, 200)}" (F1 ${closedF1.toFixed(2)})` });
          continue;
        }
        items.push({
          id: sha256(`${chunk.id}\0${g.question}`).slice(0, 32),
          question: g.question,
          answer: g.answer,
          citations: [chunk.id],
          label: chunk.label,
          source: { path: chunk.lineage.source.path, sha256: chunk.lineage.source.sha256, ...(chunk.lineage.page === undefined ? {} : { page: chunk.lineage.page }) },
          metadata: { generator: settings.generator, answerer: settings.answerer, open_book_f1: openF1.toFixed(3), closed_book_f1: closedF1.toFixed(3), support: support.toFixed(3) },
        });
      } catch (err) {
        if (options.signal?.aborted) throw err;
        reject(rejected, { ...base, reason: 'model_error', detail: err instanceof Error ? err.message : String(err) });
      }
    }
  };

  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const order: string[] = [];
  const failures: unknown[] = [];
  for await (const chunk of deps.datasets.chunks(deps.viewer, options.dataset, info.version)) {
    if (options.signal?.aborted) break;
    if (options.limit !== undefined && stats.chunks >= options.limit) break;
    if (chunk.tokenCount < settings.minTokens) {
      stats.skippedShort++;
      continue;
    }
    stats.chunks++;
    order.push(chunk.id);
    void queue.add(() => work(chunk)).catch((err: unknown) => failures.push(err));
    if (queue.size > 16) await queue.onSizeLessThan(8);
  }
  await queue.onIdle();
  if (options.signal?.aborted) throw new AssayError('ABORTED', 'dataset synth was interrupted; nothing was saved.');
  if (failures.length) throw failures[0];
  // Chunk order, not completion order: the same inputs give the same file and the same duplicate decisions.
  const items: QaItem[] = [];
  const rejected: RejectedItem[] = [];
  const seen = new Set<string>();
  for (const id of order) {
    const done = byChunk.get(id);
    if (!done) continue;
    rejected.push(...done.rejected);
    for (const item of done.items) {
      const key = item.question.toLowerCase().replace(/\s+/g, ' ').trim();
      if (seen.has(key)) {
        reject(rejected, { chunkId: id, label: item.label, question: item.question, answer: item.answer, reason: 'duplicate_question', detail: 'the same question was kept for an earlier chunk' });
        continue;
      }
      seen.add(key);
      items.push(item);
    }
  }
  stats.kept = items.length;
  return { dataset: info.dataset, version: info.version, items, rejected, stats, settings };
}
