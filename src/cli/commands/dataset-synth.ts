/** `assay dataset synth`: a model writes question–answer evals from a dataset's chunks; only grounded items are kept. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { createDatasetReader } from '../../data/dataset/index.js';
import { qaItemToEvalRow, saveSynthResult, synthesize, type SynthResult } from '../../data/synth/index.js';
import { AssayError } from '../../errors/index.js';
import { writeFileAtomic } from '../../files/write-file-atomic.js';
import { derivedLabel } from '../../governance/access/derived-label.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { parseKeyValues, parseModelRef } from '../../model/model-ref.js';
import { createProvider } from '../../providers/registry.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { openStore } from '../../store/open-store.js';
import { currentUser } from '../current-user.js';
import { collect, wholeNumber } from '../options.js';
import { createIo, type OutputMode } from '../output.js';

interface SynthFlags {
  model: string;
  M: string[];
  answerer?: string;
  A: string[];
  version?: string;
  perChunk: string;
  limit?: string;
  minTokens: string;
  concurrency: string;
  out?: string;
  force?: boolean;
  output: OutputMode;
}


export function registerDatasetSynth(dataset: Command): void {
  dataset
    .command('synth')
    .description('have a model write QA evals from the chunks, keeping items answerable with the cited chunk and not without it')
    .argument('<dataset>', 'dataset name (see `assay dataset list`)')
    .requiredOption('--model <ref>', 'the model that writes items: <provider>/<model>')
    .option('-M <key=value>', 'argument of --model (repeatable)', collect, [])
    .option('--answerer <ref>', 'the model that answers items for the filters (default: --model; a different model is a stronger filter)')
    .option('-A <key=value>', 'argument of --answerer (repeatable)', collect, [])
    .option('--version <n>', 'dataset version (default: the latest)')
    .option('--per-chunk <n>', 'items asked per chunk', '2')
    .option('--limit <n>', 'use at most n chunks')
    .option('--min-tokens <n>', 'skip chunks with fewer tokens', '20')
    .option('--concurrency <n>', 'chunks in flight', '4')
    .option('--out <file>', 'also write the kept items as an Assay eval dataset (JSONL: id, input, target, label, metadata)')
    .option('--force', 'overwrite --out')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (name: string, flags: SynthFlags) => {
      const io = createIo(flags.output);
      const options = {
        dataset: name,
        version: wholeNumber('--version', flags.version),
        perChunk: wholeNumber('--per-chunk', flags.perChunk)!,
        limit: wholeNumber('--limit', flags.limit),
        minTokens: wholeNumber('--min-tokens', flags.minTokens, 0)!,
        concurrency: wholeNumber('--concurrency', flags.concurrency)!,
      };
      const out = flags.out === undefined ? undefined : path.resolve(flags.out);
      if (out && existsSync(out) && !flags.force) throw new AssayError('USAGE', `${out} exists.`, { hint: 'Pass --force to overwrite it, or choose another --out.' });
      const store = await openStore();
      if (!(store instanceof KyselyStore)) throw new AssayError('INTERNAL', 'dataset synth needs the SQL store.');
      const generator = await createProvider(parseModelRef(flags.model, parseKeyValues(flags.M)));
      const answerer = flags.answerer ? await createProvider(parseModelRef(flags.answerer, parseKeyValues(flags.A, '-A'))) : undefined;
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      try {
        const viewer = await currentUser({ store });
        const audit = openAuditLog(store, { actor: viewer.id });
        const result = await synthesize({ ...options, signal: controller.signal }, { datasets: createDatasetReader(store, store.cipher), viewer, generator, ...(answerer ? { answerer } : {}) });
        const setId = await saveSynthResult(store.db, store.cipher, result, viewer.id);
        const label = derivedLabel(result.items.map((i) => i.label));
        if (out) {
          await writeFileAtomic(out, result.items.map((i) => `${JSON.stringify({ ...qaItemToEvalRow(i), label: i.label })}\n`).join(''), { mode: 0o600 });
        }
        await audit.append({
          action: 'data.synth',
          actor: viewer.id,
          object: { type: 'dataset', id: `${result.dataset}@${result.version}`, label },
          details: { set: setId, generator: result.settings.generator, answerer: result.settings.answerer, kept: result.stats.kept, generated: result.stats.generated, ...(out ? { out } : {}) },
        });
        print(io, result, setId, label, out);
      } finally {
        process.off('SIGINT', stop);
        await Promise.all([generator.close?.(), answerer?.close?.()]);
        await store.close();
      }
    });
}

function print(io: ReturnType<typeof createIo>, r: SynthResult, setId: string, label: string, out: string | undefined): void {
  io.result(
    { set: setId, dataset: r.dataset, version: r.version, label, ...r.stats, settings: r.settings, out: out ?? null },
    () =>
      [
        label,
        `synth set ${setId}: dataset ${r.dataset} v${r.version}, ${r.stats.chunks} chunks (${r.stats.skippedShort} too short)`,
        `kept ${r.stats.kept} of ${r.stats.generated} items; rejected: ${Object.entries(r.stats.rejected).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`,
        `model calls ${r.stats.calls} (${r.stats.inputTokens} in, ${r.stats.outputTokens} out tokens)`,
        ...(out ? [`wrote ${out}: run it with \`assay eval ${out} --model <provider>/<model>\``] : []),
        label,
      ].join('\n'),
  );
}
