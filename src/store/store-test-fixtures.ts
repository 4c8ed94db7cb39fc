/** Records for store tests: varied enough to catch lossy round-trips (nesting, optionals, awkward numbers). */
import { DEFAULT_LABEL } from '../dataset/sample.js';
import type { CacheEntry, MetricRecord, ModelCallRecord, RunRecord, SampleResultRecord } from './records.js';

/** A run; override any field. */
export function makeRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'run-1',
    task: 'arith',
    taskHash: 'a'.repeat(64),
    datasetHash: 'b'.repeat(64),
    model: 'openai/gpt-x',
    status: 'running',
    config: { task: { name: 'arith', epochs: 2 }, settings: { maxConnections: 8, seed: null }, version: '0.1.0' },
    label: DEFAULT_LABEL,
    createdAt: '2025-01-02T03:04:05.678Z',
    ...overrides,
  };
}

function call(overrides: Partial<ModelCallRecord> = {}): ModelCallRecord {
  return {
    role: 'solver',
    provider: 'openai',
    model: 'gpt-x',
    request: {
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is 2+2? "quotes", \\ backslash, ünïcödé, emoji 🎯, NUL-free' },
      ],
      config: { temperature: 0, maxTokens: 256, stop: ['\n\n'] },
    },
    output: {
      text: '4',
      finishReason: 'stop',
      usage: { inputTokens: 21, outputTokens: 1 },
      model: 'gpt-x-2025',
      logprobs: [{ token: '4', logprob: -0.000123456789 }],
    },
    inputTokens: 21,
    outputTokens: 1,
    latencyMs: 123.456789,
    cost: 0.1 + 0.2,
    cached: false,
    createdAt: '2025-01-02T03:04:06.000Z',
    ...overrides,
  };
}

/** A completed result with two scores and two calls (one failed, one cached); override any field. */
export function makeResult(
  runId: string,
  sampleId: string,
  epoch: number,
  overrides: Partial<SampleResultRecord> = {},
): SampleResultRecord {
  return {
    runId,
    sampleId,
    epoch,
    sample: {
      id: sampleId,
      input: [{ role: 'user', content: 'What is 2+2?' }],
      target: ['4', 'four'],
      choices: ['3', '4'],
      metadata: { difficulty: 'easy', tags: ['math', 'add'], nested: { depth: 2, ok: true, none: null } },
      label: DEFAULT_LABEL,
    },
    status: 'completed',
    messages: [
      { role: 'user', content: 'What is 2+2?' },
      { role: 'assistant', content: '4' },
    ],
    output: '4',
    scores: [
      { scorer: 'match', value: 1, answer: '4', explanation: 'exact match', metadata: { normalized: '4' } },
      { scorer: 'judge', value: 1 / 3, explanation: 'partial credit' },
    ],
    calls: [
      call(),
      call({ role: 'scorer', output: undefined, error: 'timeout after 30s', outputTokens: 0, cost: 0 }),
      call({ cached: true, latencyMs: 0, cost: 1e-300 }),
    ],
    label: DEFAULT_LABEL,
    startedAt: '2025-01-02T03:04:05.900Z',
    completedAt: '2025-01-02T03:04:07.100Z',
    ...overrides,
  };
}

/** A failed result with no scores or calls. */
export function makeErrorResult(runId: string, sampleId: string, epoch: number): SampleResultRecord {
  const base = makeResult(runId, sampleId, epoch);
  const { output: _output, ...rest } = base;
  const error = { code: 'MODEL_TIMEOUT', message: 'no answer in 30s' };
  return { ...rest, status: 'error', error, scores: [], calls: [] };
}

/** Overall and grouped metrics with nullable statistics. */
export function makeMetrics(): MetricRecord[] {
  const overall = { groupKey: '', groupValue: '' };
  return [
    { scorer: 'match', metric: 'accuracy', ...overall, value: 2 / 3, stderr: 0.27216552697590873, ciLow: 0.1, ciHigh: 0.95, n: 3 },
    { scorer: 'match', metric: 'accuracy', groupKey: 'difficulty', groupValue: 'easy', value: 1, stderr: null, ciLow: null, ciHigh: null, n: 1 },
    { scorer: 'judge', metric: 'mean', ...overall, value: 1e-17, stderr: 123456.789, ciLow: -1.5, ciHigh: 2.5, n: 3 },
  ];
}

/** A response-cache entry. */
export function makeCacheEntry(overrides: Partial<CacheEntry> = {}): CacheEntry {
  return {
    key: 'c'.repeat(64),
    provider: 'openai',
    model: 'gpt-x',
    output: { text: 'cached answer', finishReason: 'length', usage: { inputTokens: 5, outputTokens: 7 } },
    createdAt: '2025-01-02T03:04:05.000Z',
    ...overrides,
  };
}
