// The capability and fairness suites load by name, parse with no rejected row, match their cards and hold what they claim.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/index.js';
import type { Sample } from '../../src/dataset/sample.js';
import { targetList } from '../../src/dataset/sample.js';
import { resolveTask } from '../../src/eval/resolve-task.js';
import { extractNumber } from '../../src/scorers/numeric/extract-number.js';
import { NO_MODEL, makeTestState } from '../../src/scorers/make-test-state.js';
import { createScorer } from '../../src/scorers/create-scorer.js';
import { PlanProblemSchema } from '../../src/scorers/plan-check/plan-problem.js';
import { counterfactualJsonl, readCounterfactualBases } from '../../src/suites/fairness/counterfactual/counterfactual-dataset.js';
import { COUNTERFACTUAL_ATTRIBUTES } from '../../src/suites/fairness/counterfactual/counterfactual-variants.js';
import { listSuites, SUITES, type SuiteName } from '../../src/suites/registry.js';

const NEW_SUITES = {
  'math-word': 'capability',
  logic: 'capability',
  planning: 'capability',
  reading: 'capability',
  'bbq-style': 'fairness',
  counterfactual: 'fairness',
} as const satisfies Partial<Record<SuiteName, string>>;

async function samplesOf(name: SuiteName): Promise<Sample[]> {
  const { task, baseDir, source } = await resolveTask(name);
  expect(source).toBe(`suite:${name}`);
  const ds = await loadDataset(task.dataset, { baseDir });
  expect(ds.rejected).toEqual([]);
  return ds.samples;
}

const count = <T>(items: readonly T[], key: (t: T) => unknown): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const item of items) out[String(key(item))] = (out[String(key(item))] ?? 0) + 1;
  return out;
};

describe('every new suite', () => {
  it.each(Object.entries(NEW_SUITES))('%s is listed with its dimension and a full card, and its item count is exact', async (name, dimension) => {
    const listed = listSuites().find((s) => s.name === name)!;
    expect(listed).toMatchObject({ dimension, version: '1' });
    for (const field of ['purpose', 'scoring', 'limits'] as const) expect(listed.card[field].length).toBeGreaterThan(80);
    const samples = await samplesOf(name as SuiteName);
    expect(samples).toHaveLength(SUITES[name as SuiteName].items);
    expect(new Set(samples.map((s) => s.id)).size).toBe(samples.length);
    // Inputs are distinct and none contains another (the answer-key tests match on them).
    const inputs = samples.map((s) => s.input as string);
    for (const [i, a] of inputs.entries()) for (const [j, b] of inputs.entries()) if (i !== j) expect(b.includes(a), `${samples[i]!.id} inside ${samples[j]!.id}`).toBe(false);
  });
});

describe('math-word', () => {
  it('has 10/12/10/8 problems of 2/3/4/5 steps, numeric targets and known topics', async () => {
    const samples = await samplesOf('math-word');
    expect(count(samples, (s) => s.metadata['steps'])).toEqual({ 2: 10, 3: 12, 4: 10, 5: 8 });
    for (const s of samples) {
      const target = targetList(s);
      expect(target).toHaveLength(1);
      expect(extractNumber(target[0]!)?.value).toBe(Number(target[0]));
      expect(['money', 'percent', 'time', 'units', 'rate', 'ratio']).toContain(s.metadata['topic']);
    }
  });

  it('spot-checks targets against the arithmetic written out', async () => {
    const byId = new Map((await samplesOf('math-word')).map((s) => [s.id, Number(s.target)]));
    expect(byId.get('mw-01')).toBeCloseTo(20 - 3 * 4.5, 10);
    expect(byId.get('mw-23')).toBeCloseTo((900 * 1.08 - 300) / 6, 10);
    expect(byId.get('mw-34')).toBeCloseTo(20 - (3 * 2.4 + 2 * 3.1) * 0.9, 10);
    expect(byId.get('mw-39')).toBeCloseTo((2000 * 1.05 + 1000) * 1.05, 10);
    expect(byId.get('mw-40')).toBeCloseTo(180 / ((150 - 6 * 5) / 60), 10);
  });
});

describe('logic', () => {
  it('has 8/8/7/7 items by kind, 3–4 choices each and a target letter within them', async () => {
    const samples = await samplesOf('logic');
    expect(count(samples, (s) => s.metadata['kind'])).toEqual({ syllogism: 8, ordering: 8, knights_knaves: 7, sets: 7 });
    for (const s of samples) {
      expect(s.choices!.length).toBeGreaterThanOrEqual(3);
      expect(s.choices!.length).toBeLessThanOrEqual(4);
      expect((s.target as string).charCodeAt(0) - 65).toBeLessThan(s.choices!.length);
    }
  });
});

describe('planning', () => {
  it('has 5 problems per kind; each metadata.problem parses and its reference plan passes plan_check', async () => {
    const samples = await samplesOf('planning');
    expect(count(samples, (s) => s.metadata['kind'])).toEqual({ blocks: 5, schedule: 5, route: 5 });
    const scorer = createScorer({ type: 'plan_check' });
    for (const s of samples) {
      expect(PlanProblemSchema.parse(s.metadata['problem']).kind).toBe(s.metadata['kind']);
      const score = await scorer.score(makeTestState(s.target as string, s), NO_MODEL);
      expect(score.value, `${s.id}: ${score.explanation}`).toBe(1);
      expect(s.input as string).toContain('PLAN:');
    }
  });
});

describe('reading', () => {
  it('has 4 questions on each of 5 passages, one passage text per id, and questions that only the passage answers', async () => {
    const samples = await samplesOf('reading');
    expect(count(samples, (s) => s.metadata['passage_id'])).toEqual({ lantern: 4, memo: 4, vole: 4, bridge: 4, rail: 4 });
    const passages = new Map<string, string>();
    for (const s of samples) {
      const id = String(s.metadata['passage_id']);
      const text = String(s.metadata['passage']);
      expect(passages.get(id) ?? text).toBe(text);
      passages.set(id, text);
    }
    for (const s of samples) for (const p of passages.values()) expect(p.includes(s.input as string)).toBe(false);
  });
});

describe('bbq-style', () => {
  it('has 10 templates × ambiguous/disambiguated × negative/non-negative with consistent answer metadata', async () => {
    const samples = await samplesOf('bbq-style');
    const templates = count(samples, (s) => s.metadata['template']);
    expect(Object.keys(templates)).toHaveLength(10);
    expect(Object.values(templates).every((n) => n === 4)).toBe(true);
    let agreeing = 0;
    for (const s of samples) {
      const m = s.metadata;
      expect(s.choices).toHaveLength(3);
      const unknown = m['unknown_index'] as number;
      const target = m['target_index'] as number;
      expect(new Set([unknown, target]).size).toBe(2);
      const answer = (s.target as string).charCodeAt(0) - 65;
      if (m['context_condition'] === 'ambig') expect(answer).toBe(unknown);
      else expect(answer).not.toBe(unknown);
      if (m['context_condition'] === 'disambig' && m['question_polarity'] === 'neg' && answer === target) agreeing++;
      expect(m['stereotyped_groups']).toHaveLength(1);
    }
    // Half the disambiguating contexts agree with the stereotype, so following the facts gives s_DIS = 0.
    expect(agreeing).toBe(5);
    expect(count(samples, (s) => s.metadata['category'])).toEqual({ age: 8, gender: 8, socioeconomic_status: 8, disability: 4, religion: 4, physical_appearance: 4, nationality: 4 });
  });
});

describe('counterfactual', () => {
  it('is exactly bases.json expanded: 20 bases × 4 attributes × sides a and b', async () => {
    const dir = path.join(import.meta.dirname, '../../src/suites/fairness/counterfactual');
    const bases = await readCounterfactualBases(dir);
    expect(bases).toHaveLength(20);
    expect(count(bases, (b) => b.scale)).toEqual({ yes_no: 10, rating: 10 });
    const file = await readFile(path.join(dir, 'counterfactual.jsonl'), 'utf8');
    expect(file, 'regenerate with: npx tsx src/suites/fairness/counterfactual/write-counterfactual-dataset.ts').toBe(counterfactualJsonl(bases));
  });

  it('pairs differ only in the swapped attribute', async () => {
    const samples = await samplesOf('counterfactual');
    expect(count(samples, (s) => s.metadata['attribute'])).toEqual(Object.fromEntries(Object.keys(COUNTERFACTUAL_ATTRIBUTES).map((a) => [a, 40])));
    const byKey = new Map<string, Sample[]>();
    for (const s of samples) {
      const key = `${String(s.metadata['pair'])}/${String(s.metadata['attribute'])}`;
      byKey.set(key, [...(byKey.get(key) ?? []), s]);
    }
    expect(byKey.size).toBe(80);
    for (const [key, [a, b]] of byKey) {
      expect([a!.metadata['side'], b!.metadata['side']], key).toEqual(['a', 'b']);
      expect(a!.metadata['variant']).not.toBe(b!.metadata['variant']);
      // Only the name or the attribute sentence's key word changes: at most 4 words (with repeats) on either side.
      const only = (x: string, y: string): string[] => {
        const rest = y.split(/\s+/);
        return x.split(/\s+/).filter((w) => {
          const i = rest.indexOf(w);
          if (i >= 0) rest.splice(i, 1);
          return i < 0;
        });
      };
      const [inA, inB] = [only(a!.input as string, b!.input as string), only(b!.input as string, a!.input as string)];
      expect(inA.length, key).toBeGreaterThan(0);
      expect(inA.length + inB.length, `${key}: ${inA.join(' ')} / ${inB.join(' ')}`).toBeLessThanOrEqual(8);
      expect(targetList(a!)).toEqual(a!.metadata['scale'] === 'yes_no' ? ['yes', 'no'] : ['1', '2', '3', '4', '5']);
    }
  });
});
