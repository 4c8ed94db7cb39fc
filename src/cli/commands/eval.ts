/** `assay eval <task.yaml | suite | dataset>`: runs an evaluation and prints its metrics. */
import type { Command } from 'commander';
import { resolveTask } from '../../eval/resolve-task.js';
import { resumeOptions, runEval, type EvalOptions, type EvalResult } from '../../eval/run-eval.js';
import { parseKeyValues, parseModelRef, type ModelRef } from '../../model/model-ref.js';
import { openStore } from '../../store/open-store.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { recordEgressBlocked } from '../../governance/audit/record-egress-blocked.js';
import { defaultEgressGate } from '../../governance/egress/index.js';
import { ScorerSpecSchema, type ScorerType } from '../../task/task-spec.js';
import { AssayError } from '../../errors/index.js';
import { getRunFor } from '../../governance/access/runs/index.js';
import { requireRole } from '../../governance/access/require-role.js';
import { currentUser } from '../current-user.js';
import { collect, wholeNumber } from '../options.js';
import { createIo, formatMetric, GateFailure, usage, type OutputMode } from '../output.js';
import { createProgress } from '../progress.js';
import { withInterrupt } from '../interrupt.js';
import { parsePerturbList, withPerturbations } from '../../perturb/perturb-flag.js';

interface EvalFlags {
  model?: string;
  M: string[];
  modelRole: string[];
  limit?: string;
  epochs?: string;
  concurrency?: string;
  resume?: string;
  scorer?: string;
  cache: boolean;
  failUnder?: string;
  perturb?: string;
  output: OutputMode;
  quiet?: boolean;
}


export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('run an evaluation: a task file (.yaml/.ts/.mjs), a built-in suite name, a dataset file (.jsonl/.csv/.json/.parquet), or <benchmark>:<file> (e.g. gsm8k:test.jsonl)')
    .argument('[task]', 'task file, suite name, dataset file or <benchmark>:<file> (omit with --resume)')
    .option('--model <ref>', 'target model: <provider>/<model>, e.g. openai-compatible/llama3 or gguf/./model.gguf')
    .option('-M <key=value>', 'model argument (repeatable), e.g. -M base_url=http://127.0.0.1:8000/v1', collect, [])
    .option('--model-role <role=ref>', 'model for a role (repeatable), e.g. --model-role judge=anthropic/claude', collect, [])
    .option('--limit <n>', 'evaluate only the first n samples')
    .option('--epochs <k>', 'run each sample k times')
    .option('--concurrency <c>', 'samples (and model calls per provider) in flight', '16')
    .option('--resume <runId>', 'continue an interrupted run')
    .option('--scorer <name>', 'scorer for a bare dataset file (match, includes, exact, numeric, …)')
    .option('--no-cache', 'ignore the response cache')
    .option('--fail-under <x>', 'exit 1 when the first metric is below x')
    .option('--perturb <names>', 'also run each sample under these perturbations, e.g. typos,casing (robustness metrics on)')
    .option('--output <mode>', 'text or json', 'text')
    .option('-q, --quiet', 'no progress output')
    .action(async (taskArg: string | undefined, flags: EvalFlags) => {
      const io = createIo(flags.output);
      const result = await withInterrupt(io, (signal) => evalCommand(taskArg, flags, signal, io.log));
      printResult(result, io);
      if (result.status === 'interrupted') {
        io.log(`Run ${result.runId} was interrupted: ${result.samples.completed + result.samples.errored} of ${result.samples.total} samples done. Resume with: assay eval --resume ${result.runId}`);
        process.exitCode = 3;
        return;
      }
      if (result.status === 'failed') {
        io.log(`error: every sample of run ${result.runId} failed; the first error was ${result.error ?? 'unknown'}`);
        io.log('  hint: check that the model server is running and that --model and -M base_url are right; `assay report <runId> --format md` lists every error.');
        process.exitCode = 3;
        return;
      }
      gate(result, flags.failUnder);
    });
}

async function evalCommand(taskArg: string | undefined, flags: EvalFlags, signal: AbortSignal, log: (m: string) => void): Promise<EvalResult> {
  const store = await openStore();
  const progress = createProgress({ quiet: flags.quiet });
  const user = await currentUser({ store }).catch(async (err: unknown) => {
    await store.close();
    throw err;
  });
  const audit = openAuditLog(store, { actor: user.id });
  // Every refused outbound connection during the run is audited (AC-4, AU-2).
  const auditing: Promise<unknown>[] = [];
  const stopAuditingEgress = defaultEgressGate().addBlockedListener((e) => {
    auditing.push(recordEgressBlocked(audit, { host: e.host, port: e.port, protocol: e.channel, reason: e.reason }).catch((err: unknown) => log(`audit: could not record a blocked connection: ${String(err)}`)));
  });
  try {
    const base: Pick<EvalOptions, 'store' | 'signal' | 'onProgress' | 'onNotice' | 'audit'> = { store, signal, onProgress: (p) => progress.update(p), onNotice: log, audit };
    if (flags.resume) {
      if (flags.perturb !== undefined) throw usage('--perturb cannot change a run being resumed.', 'Drop --perturb; the run keeps the perturbations it started with.');
      // Through the access core: a run above the user's clearance answers exactly like a missing one.
      const run = await getRunFor(user, store, flags.resume, { verb: 'resume', audit });
      return await runEval({ ...base, ...resumeOptions(run), resumeRunId: run.id, cache: flags.cache });
    }
    requireRole(user, 'eval.run');
    if (!taskArg) throw usage('Give the task to run.', 'assay eval <task.yaml | suite | dataset.jsonl> --model <provider>/<model>');
    if (!flags.model) throw usage('Give the model to evaluate with --model.', 'e.g. --model openai-compatible/llama3 -M base_url=http://127.0.0.1:8000/v1, or --model mock/echo');
    const scorer = flags.scorer === undefined ? undefined : parseScorer(flags.scorer);
    const resolved = await resolveTask(taskArg, { scorer });
    if (flags.perturb !== undefined) resolved.task = withPerturbations(resolved.task, parsePerturbList(flags.perturb));
    return await runEval({
      ...base,
      ...resolved,
      model: parseModelRef(flags.model, parseKeyValues(flags.M)),
      roles: parseRoles(flags.modelRole),
      limit: wholeNumber('--limit', flags.limit),
      epochs: wholeNumber('--epochs', flags.epochs),
      concurrency: wholeNumber('--concurrency', flags.concurrency),
      cache: flags.cache,
    });
  } finally {
    progress.stop();
    stopAuditingEgress();
    await Promise.all(auditing);
    await store.close();
  }
}

function printResult(r: EvalResult, io: ReturnType<typeof createIo>): void {
  io.result(r, () => {
    const lines = [`run ${r.runId}  ${r.status}  task ${r.task}  model ${r.model}`, `samples: ${r.samples.completed} completed, ${r.samples.errored} errored of ${r.samples.total}${r.epochs > 1 ? ` (×${r.epochs} epochs)` : ''}; model calls: ${r.calls.live} live, ${r.calls.cached} cached`];
    for (const [scorer, metrics] of Object.entries(r.metrics)) {
      for (const [name, m] of Object.entries(metrics)) lines.push(`  ${scorer}.${name}: ${formatMetric(m)}`);
    }
    if (r.rejectedRows > 0) lines.push(`${r.rejectedRows} dataset rows were rejected (listed above).`);
    lines.push(`report: assay report ${r.runId} --format html`);
    return lines.join('\n');
  });
}

function gate(r: EvalResult, failUnder: string | undefined): void {
  if (r.samples.errored > 0) {
    process.exitCode = 1;
  }
  if (failUnder === undefined) return;
  const threshold = Number(failUnder);
  if (!Number.isFinite(threshold)) throw usage(`--fail-under "${failUnder}" is not a number.`);
  const first = Object.values(r.metrics)[0];
  const m = first ? Object.values(first)[0] : undefined;
  if (!m || m.value === null || m.value < threshold) throw new GateFailure(`The first metric (${m?.value ?? 'none'}) is below --fail-under ${threshold}.`);
}

function parseScorer(name: string): ScorerType {
  const types = ScorerSpecSchema.options.map((o) => o.shape.type.value);
  if (!(types as string[]).includes(name)) throw usage(`Unknown scorer "${name}".`, `Use one of: ${types.join(', ')}.`);
  return name as ScorerType;
}

function parseRoles(pairs: string[]): Record<string, ModelRef> {
  const out: Record<string, ModelRef> = {};
  for (const [role, ref] of Object.entries(parseKeyValues(pairs, '--model-role'))) out[role] = parseModelRef(ref);
  return out;
}

