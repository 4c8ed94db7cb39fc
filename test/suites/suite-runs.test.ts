// Each new suite end to end by name (`assay eval <suite> --model mock/answer-key`), with answers that give known scores.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/index.js';
import { targetList, type Sample } from '../../src/dataset/sample.js';
import { resolveTask } from '../../src/eval/resolve-task.js';
import { tTestPValue } from '../../src/stats/index.js';
import type { SuiteName } from '../../src/suites/registry.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

interface Summary {
  value: number | null;
  stderr: number | null;
  ci: [number, number] | null;
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
  home = mkdtempSync(path.join(tmpdir(), 'assay-suites-'));
  env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '' };
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

async function samplesOf(name: SuiteName): Promise<Sample[]> {
  const { task, baseDir } = await resolveTask(name);
  return (await loadDataset(task.dataset, { baseDir })).samples;
}

/** Runs the suite against mock/answer-key answering each sample (matched by its input text) with `respond`. */
async function runSuite(name: SuiteName, respond: (s: Sample, i: number) => string): Promise<RunOutput> {
  const samples = await samplesOf(name);
  const file = path.join(home, `${name}-answers.jsonl`);
  writeFileSync(file, samples.map((s, i) => `${JSON.stringify({ match: s.input as string, response: respond(s, i) })}\n`).join(''));
  const r = await runCli(['eval', name, '--model', 'mock/answer-key', '-M', `answers_file=${file}`, '--output', 'json', '-q', '--concurrency', '4'], { env });
  const out = parseJsonOutput<RunOutput>(r);
  expect(r.code, r.stderr).toBe(0);
  expect(out).toMatchObject({ status: 'completed', task: name, rejectedRows: 0, samples: { total: samples.length, completed: samples.length, errored: 0 } });
  return out;
}

const group = (out: RunOutput, key: string, scorer?: string) =>
  Object.fromEntries(out.groups.filter((g) => g.key === key && (scorer === undefined || g.scorer === scorer)).map((g) => [g.group, g.value]));
const letter = (i: number): string => String.fromCharCode(65 + i);

describe('capability suites', () => {
  it('math-word: the first 30 answered right, the last 10 off by one, gives 0.75 and the exact per-steps accuracy', async () => {
    const out = await runSuite('math-word', (s, i) => `Adding it up step by step.\nANSWER: ${i < 30 ? String(s.target) : String(Number(s.target) + 1)}`);
    expect(out.metrics.numeric!.accuracy).toMatchObject({ value: 0.75, n: 40 });
    expect(out.metrics.numeric!.accuracy!.stderr).toBeCloseTo(Math.sqrt((0.75 * 0.25) / 40), 12);
    // Items 1–10 have 2 steps, 11–22 three, 23–32 four (23–30 right), 33–40 five.
    expect(group(out, 'steps')).toEqual({ 2: 1, 3: 1, 4: 0.8, 5: 0 });
  });

  it('logic: syllogisms and orderings right, knights and knaves wrong, 3 of 7 set items right: 19/30', async () => {
    let sets = 0;
    const out = await runSuite('logic', (s) => {
      const right = (s.target as string).charCodeAt(0) - 65;
      const wrong = letter((right + 1) % s.choices!.length);
      const kind = s.metadata['kind'];
      const ok = kind === 'syllogism' || kind === 'ordering' || (kind === 'sets' && sets++ < 3);
      return `Working through it.\nANSWER: ${ok ? letter(right) : wrong}`;
    });
    expect(out.metrics.choice!.accuracy!.value).toBeCloseTo(19 / 30, 12);
    const byKind = group(out, 'kind');
    expect(byKind).toMatchObject({ syllogism: 1, ordering: 1, knights_knaves: 0 });
    expect(byKind['sets']).toBeCloseTo(3 / 7, 12);
  });

  it('planning: reference plans pass and schedules answered in prose fail: 10/15', async () => {
    const out = await runSuite('planning', (s) => (s.metadata['kind'] === 'schedule' ? 'Put standup first, then the rest after lunch.' : `Here is my plan.\n${String(s.target)}\n\nDone.`));
    expect(out.metrics.plan_check!.accuracy!.value).toBeCloseTo(10 / 15, 12);
    expect(group(out, 'kind')).toEqual({ blocks: 1, route: 1, schedule: 0 });
  });

  it('reading: 4/3/2/1/0 right on the five passages gives 0.5 with the standard error clustered by passage', async () => {
    const right: Record<string, number> = { lantern: 4, memo: 3, vole: 2, bridge: 1, rail: 0 };
    const seen: Record<string, number> = {};
    const out = await runSuite('reading', (s) => {
      const passage = String(s.metadata['passage_id']);
      seen[passage] = (seen[passage] ?? 0) + 1;
      return seen[passage]! <= right[passage]! ? `${targetList(s)[0]!}.` : 'I do not know.';
    });
    // Cluster sums of (score − 0.5): 2, 1, 0, −1, −2 → Σ² = 10; se = sqrt(5/4)·sqrt(10)/20; t with 4 df.
    const se = (Math.sqrt(5 / 4) * Math.sqrt(10)) / 20;
    for (const scorer of ['match', 'includes']) {
      const acc = out.metrics[scorer]!.accuracy!;
      expect(acc.value).toBe(0.5);
      expect(acc.stderr).toBeCloseTo(se, 12);
      // t(0.975, 4) = 2.776445105…
      expect(acc.ci![0]).toBeCloseTo(0.5 - 2.776445105 * se, 7);
      expect(acc.ci![1]).toBeCloseTo(0.5 + 2.776445105 * se, 7);
    }
    expect(group(out, 'passage_id', 'match')).toEqual({ lantern: 1, memo: 0.75, vole: 0.5, bridge: 0.25, rail: 0 });
  });
});

describe('fairness suites', () => {
  it('bbq-style: known answer patterns give the exact accuracy and BBQ bias scores', async () => {
    const samples = await samplesOf('bbq-style');
    // A scenario "agrees" when its disambiguated facts name the target group in the negative question.
    const agrees = new Set(samples.filter((s) => s.metadata['context_condition'] === 'disambig' && s.metadata['question_polarity'] === 'neg' && s.target === letter(s.metadata['target_index'] as number)).map((s) => s.metadata['template']));
    const templates = [...new Set(samples.map((s) => s.metadata['template']))];
    const out = await runSuite('bbq-style', (s) => {
      const m = s.metadata;
      const target = m['target_index'] as number;
      const other = [0, 1, 2].find((i) => i !== target && i !== m['unknown_index'])!;
      const biased = m['question_polarity'] === 'neg' ? target : other;
      let pick: number;
      if (m['context_condition'] === 'ambig') {
        // The first 5 scenarios answered "unknown" (right); the last 5 with the biased answer (wrong).
        pick = templates.indexOf(m['template']) < 5 ? (m['unknown_index'] as number) : biased;
      } else {
        // Right, except the negative question of a scenario against the stereotype, answered with the target group.
        pick = !agrees.has(m['template']) && m['question_polarity'] === 'neg' ? target : (s.target as string).charCodeAt(0) - 65;
      }
      return `ANSWER: ${letter(pick)}`;
    });
    // Ambiguous: 10/20 right, all 10 non-unknown answers biased → s = 1, s_AMB = 0.5 · 1.
    // Disambiguated: 15/20 right; biased = 10 (agreeing scenarios) + 5 (wrong target answers) of 20 → s_DIS = 0.5.
    expect(out.metrics.choice!.accuracy!.value).toBe(25 / 40);
    expect(group(out, 'context_condition', 'choice')).toEqual({ ambig: 0.5, disambig: 0.75 });
    const bbq = out.metrics.bbq!;
    expect(bbq.accuracy_ambig).toMatchObject({ value: 0.5, n: 20 });
    expect(bbq.accuracy_disambig).toMatchObject({ value: 0.75, n: 20 });
    expect(bbq.bias_ambig!.value).toBeCloseTo(0.5, 12);
    expect(bbq.bias_disambig).toMatchObject({ value: 0.5, n: 20 });
  });

  it('counterfactual: scripted decisions give the exact paired differences, error bars and p-values per attribute', async () => {
    const samples = await samplesOf('counterfactual');
    const bases = [...new Set(samples.map((s) => String(s.metadata['pair'])))];
    const out = await runSuite('counterfactual', (s) => {
      const { attribute, side, scale, pair } = s.metadata;
      const base = bases.indexOf(String(pair));
      const yesNo = scale === 'yes_no';
      let answer = yesNo ? 'yes' : '4';
      // gender: base 0 (yes/no) flips to "no" for b; base 1 (rating) drops from 4 to 2 for b.
      if (attribute === 'gender' && side === 'b' && base === 0) answer = 'no';
      if (attribute === 'gender' && side === 'b' && base === 1) answer = '2';
      // nationality: every rating 5 for b (+0.25).
      if (attribute === 'nationality' && side === 'b' && !yesNo) answer = '5';
      // religion: base 2's b answers outside the format, so that pair is left out.
      if (attribute === 'religion' && side === 'b' && base === 2) return 'I would rather not decide.\nANSWER: maybe';
      return `A strong case.\nANSWER: ${answer}`;
    });
    expect(out.metrics.regex!.accuracy!.value).toBe(159 / 160);
    expect(group(out, 'attribute', 'regex')).toEqual({ ethnicity: 1, gender: 1, nationality: 1, religion: 39 / 40 });
    const parity = (attribute: string, metric: string) => out.groups.find((g) => g.scorer === 'counterfactual_parity' && g.group === attribute && g.metric === metric)!;
    // gender: d = −1, −0.5 and 18 zeros.
    const mean = -1.5 / 20;
    const se = Math.sqrt((1.25 - 20 * mean * mean) / 19 / 20);
    expect(parity('gender', 'mean_difference').value).toBeCloseTo(mean, 14);
    expect(parity('gender', 'mean_difference').stderr).toBeCloseTo(se, 14);
    expect(parity('gender', 'mean_difference').n).toBe(20);
    expect(parity('gender', 'p_value').value).toBeCloseTo(tTestPValue(mean / se, 19), 12);
    expect(parity('gender', 'p_value').value).toBeGreaterThan(0.1);
    expect(parity('ethnicity', 'mean_difference')).toMatchObject({ value: 0, stderr: 0, n: 20 });
    expect(parity('ethnicity', 'p_value').value).toBe(1);
    expect(parity('religion', 'mean_difference')).toMatchObject({ value: 0, n: 19 });
    // nationality: +0.25 on the 10 rating bases, 0 on the 10 yes/no ones: mean 0.125, sd² = 20·0.125²/19.
    expect(parity('nationality', 'mean_difference').value).toBeCloseTo(0.125, 14);
    expect(parity('nationality', 'mean_difference').stderr).toBeCloseTo(Math.sqrt((20 * 0.125 ** 2) / 19 / 20), 14);
    expect(parity('nationality', 'p_value').value).toBeLessThan(0.01);
  });
});
