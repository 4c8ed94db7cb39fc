/** The code_exec scorer: runs the model's code with the sample's hidden tests in a sandbox; 1 when they pass. */
import { availableParallelism } from 'node:os';
import PQueue from 'p-queue';
import { createSandbox } from '../../sandbox/create-sandbox.js';
import { DEFAULT_SANDBOX_LIMITS, type SandboxLimits, type SandboxResult } from '../../sandbox/sandbox.js';
import { answerText } from '../answer-text.js';
import type { Score, Scorer } from '../scorer.js';
import type { SpecOf } from '../scorer-spec.js';
import { buildProgram, hiddenTests } from './build-program.js';
import { extractCode } from './extract-code.js';

const STDERR_TAIL = 1500;

/**
 * Builds the sandbox now, so a machine without bubblewrap fails before any sample runs (CONFIG_INVALID),
 * unless `unsandboxed: true`. Runs at most one program per CPU at a time, so that wall-clock limits hold
 * however many samples the engine runs at once. pass@k comes from epochs with the `pass_at_k` reducer.
 * @example codeExecScorer({ type: 'code_exec', language: 'python', timeoutSeconds: 10, unsandboxed: false })
 */
export function codeExecScorer(spec: SpecOf<'code_exec'>): Scorer {
  const sandbox = createSandbox({ allowUnsandboxed: spec.unsandboxed });
  const queue = new PQueue({ concurrency: Math.max(1, availableParallelism()) });
  const limits: SandboxLimits = { ...DEFAULT_SANDBOX_LIMITS, cpuSeconds: spec.timeoutSeconds, wallSeconds: spec.timeoutSeconds };
  const flag = sandbox.warning ? '[UNSANDBOXED] ' : '';
  return {
    name: 'code_exec',
    kind: 'binary',
    async score(state, ctx): Promise<Score> {
      const tests = hiddenTests(state.sample);
      const base = { language: spec.language, sandbox: sandbox.kind, ...(sandbox.warning ? { warning: sandbox.warning } : {}) };
      if (tests.trim() === '') {
        return { value: 0, explanation: 'The sample has no hidden tests (metadata "tests" or a target) to run the code against.', metadata: base };
      }
      const { code, from } = extractCode(answerText(state), spec.language);
      if (code.trim() === '') return { value: 0, answer: '', explanation: 'The answer contains no code.', metadata: base };
      const program = buildProgram(spec.language, code, tests);
      const r = await queue.add(() => sandbox.run({ language: spec.language, ...program, limits }, { signal: ctx.signal }), { signal: ctx.signal });
      const passed = r.exitCode === 0 && !r.killedReason;
      const metadata = {
        ...base,
        codeFrom: from,
        exitCode: r.exitCode,
        signal: r.signal,
        timedOut: r.timedOut,
        ...(r.killedReason ? { killedReason: r.killedReason } : {}),
        durationMs: r.durationMs,
        stderrTail: r.stderr.slice(-STDERR_TAIL),
      };
      const explanation = passed
        ? `The code (from ${from}) passed the hidden tests in ${r.durationMs} ms.`
        : `The code (from ${from}) ${failure(r, limits)}.${tail(r.stderr)}`;
      return { value: passed ? 1 : 0, answer: code, explanation: flag + explanation, metadata };
    },
  };
}

function failure(r: SandboxResult, limits: SandboxLimits): string {
  switch (r.killedReason) {
    case 'timeout':
      return `was stopped at the ${limits.wallSeconds}s wall-clock limit`;
    case 'cpu':
      return `was stopped at the ${limits.cpuSeconds}s CPU limit`;
    case 'memory':
      return `ran out of memory (limit ${limits.memoryMb} MB)`;
    case 'output':
      return `was stopped for printing more than ${limits.maxOutputBytes} bytes`;
    case 'file_size':
      return `was stopped for writing a file over ${limits.memoryMb} MB`;
    case undefined:
      return r.exitCode === null ? `failed the hidden tests (killed by ${r.signal})` : `failed the hidden tests (exit ${r.exitCode})`;
  }
}

function tail(stderr: string): string {
  const t = stderr.trimEnd();
  if (t === '') return '';
  const lines = t.split('\n').slice(-12).join('\n');
  return `\nstderr (end):\n${lines.length > STDERR_TAIL ? `…${lines.slice(-STDERR_TAIL)}` : lines}`;
}
