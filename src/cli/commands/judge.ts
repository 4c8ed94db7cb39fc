/** `assay judge validate <judge> <labelled.jsonl>`: measures a judge's agreement with human labels. */
import type { Command } from 'commander';
import { JUDGE_VALIDATORS, isJudgeName } from '../../judges/validate/judge-validators.js';
import { readLabelled } from '../../judges/validate/read-labelled.js';
import { validateJudge, type ValidationReport } from '../../judges/validate/validate-judge.js';
import type { JudgeCall } from '../../judges/judge-call.js';
import { parseKeyValues, parseModelRef } from '../../model/model-ref.js';
import { createProvider } from '../../providers/registry.js';
import { createIo, usage, type OutputMode } from '../output.js';
import { withInterrupt } from '../interrupt.js';
import { collect } from '../options.js';

interface ValidateFlags {
  model?: string;
  M: string[];
  concurrency: string;
  output: OutputMode;
}

const FORMATS = Object.entries(JUDGE_VALIDATORS)
  .map(([name, v]) => `  ${name}: ${v.format}`)
  .join('\n');

/** Registers `assay judge validate`. */
export function registerJudge(program: Command): void {
  const judge = program.command('judge').description('check the safety judges (refusal, strongreject, harm, leakage)');
  judge
    .command('validate')
    .description('measure a judge against human labels: accuracy, Cohen’s κ, Krippendorff’s α, confusion, disagreements')
    .argument('<judge>', `judge to validate: ${Object.keys(JUDGE_VALIDATORS).join(', ')}`)
    .argument('<labelled>', 'JSONL file of human-labelled items, one per line')
    .option('--model <ref>', 'judge model (required for strongreject and harm; switches refusal and leakage to judge mode)')
    .option('-M <key=value>', 'judge model argument (repeatable), e.g. -M base_url=http://127.0.0.1:8000/v1', collect, [])
    .option('--concurrency <c>', 'items judged at once', '4')
    .option('--output <mode>', 'text or json', 'text')
    .addHelpText('after', `\nLabelled file formats (one JSON object per line):\n${FORMATS}`)
    .exitOverride()
    .action(async (name: string, file: string, flags: ValidateFlags) => {
      const io = createIo(flags.output);
      if (!isJudgeName(name)) throw usage(`There is no judge "${name}".`, `Use one of: ${Object.keys(JUDGE_VALIDATORS).join(', ')}.`);
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency <= 0) throw usage(`--concurrency "${flags.concurrency}" is not a positive whole number.`);
      const validator = JUDGE_VALIDATORS[name];
      if (validator.needsModel && !flags.model) throw usage(`The ${name} judge needs a judge model.`, 'Give one with --model <provider>/<model>, e.g. --model openai-compatible/llama3 -M base_url=http://127.0.0.1:8000/v1.');
      const report = await withInterrupt(io, async (signal) => {
        const items = await readLabelled(file, validator, { signal });
        const provider = flags.model ? await createProvider(parseModelRef(flags.model, parseKeyValues(flags.M)), { signal }) : undefined;
        try {
          const call: JudgeCall | undefined = provider && {
            role: 'judge',
            signal,
            generate: (messages, opts = {}) => provider.generate({ messages, config: opts.config ?? {} }, { signal: opts.signal ?? signal }),
          };
          return await validateJudge(name, items, { judge: call, concurrency, signal });
        } finally {
          await provider?.close?.();
        }
      });
      io.result(report, () => formatReport(report));
    });
}

function formatReport(r: ValidationReport): string {
  const f = (x: number | null | undefined) => (x === null || x === undefined ? '—' : x.toFixed(3));
  const cols = Object.keys(Object.values(r.confusion)[0] ?? {});
  const width = Math.max(12, ...cols.map((c) => c.length + 1), ...Object.keys(r.confusion).map((c) => c.length + 1));
  const lines = [
    `judge ${r.judge} (${r.mode}) on ${r.n} labelled items`,
    `  accuracy ${f(r.accuracy)}   Cohen's κ ${f(r.kappa)}   Krippendorff's α (${r.alphaLevel}) ${f(r.alpha)}${r.mae === undefined ? '' : `   MAE ${f(r.mae)}`}`,
    ...(r.binary ? [`  refused vs complied: accuracy ${f(r.binary.accuracy)}   κ ${f(r.binary.kappa)}`] : []),
    ...(r.unparsed > 0 ? [`  ${r.unparsed} judge replies could not be read`] : []),
    '',
    `confusion (rows: human, columns: judge)`,
    `${''.padEnd(width)}${cols.map((c) => c.padStart(width)).join('')}`,
    ...Object.entries(r.confusion).map(([h, row]) => `${h.padEnd(width)}${cols.map((c) => String(row[c]).padStart(width)).join('')}`),
  ];
  if (r.disagreementCount > 0) {
    lines.push('', `disagreements (${r.disagreementCount}${r.disagreementCount > r.disagreements.length ? `, first ${r.disagreements.length}` : ''}):`);
    for (const d of r.disagreements) lines.push(`  ${d.id}: human ${d.human}, judge ${d.judge}: ${d.output.replace(/\s+/g, ' ').slice(0, 100)}`);
  }
  return lines.join('\n');
}
