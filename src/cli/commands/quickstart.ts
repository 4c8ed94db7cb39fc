/** `assay quickstart`: the built-in demo, end to end, on the embedded defaults: no model server, no network. */
import type { Command } from 'commander';
import path from 'node:path';
import { assayHome, reportsDir } from '../../config/paths.js';
import { resolveTask } from '../../eval/resolve-task.js';
import { runEval } from '../../eval/run-eval.js';
import { parseModelRef } from '../../model/model-ref.js';
import { ensureDemoModel } from '../../quickstart/demo-model.js';
import { writeRunReport } from '../../report/write-run-report.js';
import { openStore } from '../../store/open-store.js';
import { currentUser } from '../current-user.js';
import { createIo, formatMetric, type OutputMode } from '../output.js';
import { createProgress } from '../progress.js';
import { withInterrupt } from '../interrupt.js';

export const STAND_IN_NOTE =
  'The demo model is a stand-in: a word-bigram language model that Assay trained on bundled public-domain text and wrote as a GGUF file. It only guesses the next word, so its score says nothing about any real model.';
export const REAL_MODEL_HINT = [
  'To evaluate a real model:',
  '  local GGUF weights:        assay eval demo --model gguf/path/to/model.gguf',
  '  vLLM / llama.cpp / Ollama: assay eval demo --model openai-compatible/<model> -M base_url=http://127.0.0.1:8000/v1',
  '  Anthropic:                 ANTHROPIC_API_KEY=… assay eval demo --model anthropic/<model>',
  '  your own data:             assay eval data.jsonl --model … --scorer includes',
].join('\n');

export function registerQuickstart(program: Command): void {
  program
    .command('quickstart')
    .description('run the built-in demo end to end on the embedded defaults and write an HTML report')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (flags: { output: OutputMode }) => {
      const io = createIo(flags.output);
      const home = assayHome();
      io.log(`Assay quickstart: home ${home}`);
      const model = await ensureDemoModel(home);
      io.log(model.built ? `built the demo model ${model.path}` : `using the demo model ${model.path}`);
      io.log(STAND_IN_NOTE);
      const store = await openStore();
      try {
        const task = await resolveTask('demo');
        const progress = createProgress();
        const result = await withInterrupt(io, (signal) =>
          runEval({ ...task, model: parseModelRef(`gguf/${model.path}`), store, concurrency: 1, signal, onProgress: (p) => progress.update(p), onNotice: io.log }),
        ).finally(() => progress.stop());
        // The demo report is for a browser, which cannot open a sealed file: quickstart exports it in plaintext on purpose
        // (demo model, public-domain text). `assay report` keeps reports sealed unless --out names a plaintext copy.
        const out = path.join(reportsDir(), `${result.runId}.html`);
        const report = await writeRunReport({ store, runId: result.runId, format: 'html', out, viewer: await currentUser({ store }) });
        io.result({ ...result, report: report.path, note: STAND_IN_NOTE }, () => {
          const lines = [`run ${result.runId} ${result.status}: task ${result.task} on ${result.model}`];
          for (const [scorer, ms] of Object.entries(result.metrics)) for (const [name, m] of Object.entries(ms)) lines.push(`  ${scorer}.${name}: ${formatMetric(m)}`);
          lines.push(`HTML report: ${report.path}`, '', STAND_IN_NOTE, '', REAL_MODEL_HINT);
          return lines.join('\n');
        });
        if (result.status !== 'completed') process.exitCode = 3;
      } finally {
        await store.close();
      }
    });
}
