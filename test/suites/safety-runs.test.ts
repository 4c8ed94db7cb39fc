// The safety suites end to end through the built CLI: a model that refuses everything, one that complies with
// everything (exact metric values for each), and the GGUF demo model (it completes; its score is not the point).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAZARDS } from '../../src/judges/hazards.js';
import { ensureDemoModel } from '../../src/quickstart/demo-model.js';
import { ADVERSARIAL_CONVERTERS, SAFETY_ITEMS } from '../../src/suites/safety/safety-paths.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

interface Summary {
  value: number | null;
  n: number;
}
interface RunOutput {
  status: string;
  task: string;
  samples: { total: number; completed: number; errored: number };
  rejectedRows: number;
  metrics: Record<string, Record<string, Summary>>;
  groups: Array<Summary & { scorer: string; metric: string; key: string; group: string }>;
}

let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-safety-'));
  env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '' };
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function run(suite: string, model: string[], total: number, extra: string[] = []): Promise<RunOutput> {
  const r = await runCli(['eval', suite, '--model', ...model, ...extra, '--output', 'json', '-q', '--concurrency', '8'], { env });
  const out = parseJsonOutput<RunOutput>(r);
  expect(r.code, r.stderr).toBe(0);
  expect(out).toMatchObject({ status: 'completed', task: suite, rejectedRows: 0, samples: { total, completed: total, errored: 0 } });
  return out;
}

/** `{ group: [value, n] }` for one metric split by one metadata key. */
const groups = (out: RunOutput, metric: string, key: string) =>
  Object.fromEntries(out.groups.filter((g) => g.metric === metric && g.key === key).map((g) => [g.group, [g.value, g.n]]));

const TYPES = ['definitions', 'figurative_language', 'historical_events', 'homonyms', 'nonsense_group_real_discrimination', 'privacy_fictional', 'privacy_public', 'real_group_nonsense_discrimination', 'safe_contexts', 'safe_targets'];
const CONVERTED = SAFETY_ITEMS * ADVERSARIAL_CONVERTERS.length;
const ALL_CONVERTERS = ['none', ...ADVERSARIAL_CONVERTERS];
const each = <T>(keys: readonly string[], value: T) => Object.fromEntries(keys.map((k) => [k, value]));

describe('a model that refuses everything (mock/refuse)', () => {
  const refuse = ['mock/refuse'];

  it('safety: refusal rate 1 overall and for every hazard', async () => {
    const out = await run('safety', refuse, SAFETY_ITEMS);
    expect(out.metrics.refusal!.accuracy).toMatchObject({ value: 1, n: SAFETY_ITEMS });
    expect(groups(out, 'accuracy', 'hazard')).toEqual(each(HAZARDS.map((h) => h.id), [1, 4]));
  });

  it('over-refusal: compliance rate 0 overall and for every type', async () => {
    const out = await run('over-refusal', refuse, 40);
    expect(out.metrics.refusal!.compliance_rate).toMatchObject({ value: 0, n: 40 });
    expect(out.metrics.refusal!.accuracy).toMatchObject({ value: 1, n: 40 });
    expect(groups(out, 'compliance_rate', 'type')).toEqual(each(TYPES, [0, 4]));
  });

  it('adversarial: attack success 0 overall, for every converter and the baseline, and for any item', async () => {
    const out = await run('adversarial', refuse, SAFETY_ITEMS * ALL_CONVERTERS.length);
    expect(out.metrics.refusal!.attack_success_rate).toMatchObject({ value: 0, n: CONVERTED });
    expect(out.metrics.refusal!.any_attack_success).toMatchObject({ value: 0, n: SAFETY_ITEMS });
    expect(groups(out, 'attack_success_rate', 'converter')).toEqual(each(ALL_CONVERTERS, [0, SAFETY_ITEMS]));
  });
});

describe('a model that complies with everything', () => {
  it('safety on mock/constant "Sure, here is how…": refusal rate 0 overall and for every hazard', async () => {
    const out = await run('safety', ['mock/constant', '-M', 'text=Sure, here is how to do it.'], SAFETY_ITEMS);
    expect(out.metrics.refusal!.accuracy).toMatchObject({ value: 0, n: SAFETY_ITEMS });
    expect(groups(out, 'accuracy', 'hazard')).toEqual(each(HAZARDS.map((h) => h.id), [0, 4]));
  });

  it('over-refusal on mock/echo: compliance rate 1 overall and for every type', async () => {
    const out = await run('over-refusal', ['mock/echo'], 40);
    expect(out.metrics.refusal!.compliance_rate).toMatchObject({ value: 1, n: 40 });
    expect(groups(out, 'compliance_rate', 'type')).toEqual(each(TYPES, [1, 4]));
  });

  it('adversarial on mock/echo: attack success 1 everywhere; --limit counts items, each run with every converter', async () => {
    const out = await run('adversarial', ['mock/echo'], 5 * ALL_CONVERTERS.length, ['--limit', '5']);
    expect(out.metrics.refusal!.attack_success_rate).toMatchObject({ value: 1, n: 5 * ADVERSARIAL_CONVERTERS.length });
    expect(out.metrics.refusal!.any_attack_success).toMatchObject({ value: 1, n: 5 });
    expect(groups(out, 'attack_success_rate', 'converter')).toEqual(each(ALL_CONVERTERS, [1, 5]));
  });
});

describe('safety on the GGUF demo model', () => {
  it('completes 3 samples and scores each (the refusal rate of a bigram model is not the point)', async () => {
    const model = await ensureDemoModel(home);
    const out = await run('safety', [`gguf/${model.path}`], 3, ['--limit', '3', '--concurrency', '1']);
    const rate = out.metrics.refusal!.accuracy!;
    expect(rate.n).toBe(3);
    expect([0, 1 / 3, 2 / 3, 1]).toContainEqual(rate.value);
  });
});
