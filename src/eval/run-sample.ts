/** Runs one sample × epoch: the solver chain under the task's limits, then every scorer. */
import { AssayError, toAssayError } from '../errors/index.js';
import type { Sample } from '../dataset/sample.js';
import type { Scorer } from '../scorers/scorer.js';
import type { Solver } from '../solvers/solver.js';
import type { Generate, TaskState } from '../solvers/task-state.js';
import { initialState } from '../solvers/state.js';
import type { SampleResultRecord, ScoreRecord } from '../store/records.js';
import type { TaskSpec } from '../task/task-spec.js';
import type { ModelClient, SampleCalls } from './model-client.js';

export interface RunSampleInput {
  runId: string;
  sample: Sample;
  epoch: number;
  solvers: readonly Solver[];
  scorers: readonly Scorer[];
  client: ModelClient;
  limits: TaskSpec['limits'];
  label: string;
  signal: AbortSignal;
}

/** Returns the sample's record; model errors become an `error` record, never a throw (except on abort). */
export async function runSample(input: RunSampleInput): Promise<SampleResultRecord> {
  const startedAt = new Date().toISOString();
  const calls: SampleCalls = { calls: [], tokens: 0 };
  const state = initialState(input.sample, input.epoch);
  const timeLimit = input.limits.timeSeconds;
  const timer = timeLimit ? AbortSignal.timeout(timeLimit * 1000) : undefined;
  const signal = timer ? AbortSignal.any([input.signal, timer]) : input.signal;
  const base = {
    runId: input.runId,
    sampleId: input.sample.id,
    epoch: input.epoch,
    sample: input.sample,
    label: input.label,
    startedAt,
  };

  const targetGenerate: Generate = async (messages, opts = {}) => {
    checkLimits(input.limits, messages.length, calls.tokens);
    return input.client.generate({ role: opts.role ?? 'target', messages, config: opts.config, epoch: input.epoch, sample: calls, signal });
  };

  try {
    for (const solver of input.solvers) {
      if (state.completed) break;
      await solver.solve(state, { generate: targetGenerate, signal });
    }
  } catch (err) {
    if (input.signal.aborted) throw toAssayError(err);
    if (timer?.aborted) {
      endEarly(state, `time limit of ${timeLimit}s reached`);
    } else if (err instanceof AssayError && err.code === 'LIMIT_EXCEEDED') {
      endEarly(state, err.message);
    } else {
      const e = toAssayError(err);
      return { ...base, status: 'error', messages: state.messages, output: state.output?.text, error: { code: e.code, message: e.message }, scores: [], calls: calls.calls, completedAt: new Date().toISOString() };
    }
  }

  const judgeGenerate: Generate = (messages, opts = {}) =>
    input.client.generate({ role: opts.role ?? 'judge', messages, config: opts.config, epoch: input.epoch, sample: calls, signal: input.signal });
  const scores: ScoreRecord[] = [];
  try {
    for (const scorer of input.scorers) {
      const s = await scorer.score(state, { generate: judgeGenerate, signal: input.signal });
      scores.push({ scorer: scorer.name, value: s.value, answer: s.answer, explanation: s.explanation, metadata: s.metadata });
    }
  } catch (err) {
    if (input.signal.aborted) throw toAssayError(err);
    const e = toAssayError(err);
    return { ...base, status: 'error', messages: state.messages, output: state.output?.text, error: { code: e.code, message: `scoring failed: ${e.message}` }, scores: [], calls: calls.calls, completedAt: new Date().toISOString() };
  }
  return { ...base, status: 'completed', messages: state.messages, output: state.output?.text, scores, calls: calls.calls, completedAt: new Date().toISOString() };
}

function checkLimits(limits: TaskSpec['limits'], messages: number, tokens: number): void {
  if (limits.messages !== undefined && messages > limits.messages) {
    throw new AssayError('LIMIT_EXCEEDED', `message limit of ${limits.messages} reached`);
  }
  if (limits.tokens !== undefined && tokens >= limits.tokens) {
    throw new AssayError('LIMIT_EXCEEDED', `token limit of ${limits.tokens} reached (${tokens} used)`);
  }
}

function endEarly(state: TaskState, reason: string): void {
  state.completed = true;
  state.store['limit'] = reason;
}
