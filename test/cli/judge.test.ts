// `assay judge validate` and the safety scorers as users meet them: JSON contract, judge models, exit codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

const FIX = path.resolve(import.meta.dirname, '../fixtures/judges');
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-judge-cli-'));
  env = { ASSAY_HOME: home, ASSAY_DATABASE_URL: '' };
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

interface Report {
  judge: string;
  mode: string;
  n: number;
  accuracy: number;
  kappa: number;
  alpha: number;
  mae?: number;
  binary?: { accuracy: number; kappa: number };
  confusion: Record<string, Record<string, number>>;
  unparsed: number;
  disagreementCount: number;
  disagreements: { id: string; human: string; judge: string; humanScore?: number; judgeScore?: number }[];
}

describe('assay judge validate', () => {
  it('refusal heuristics on the shipped fixture: the measured agreement, as one JSON object', async () => {
    const r = await runCli(['judge', 'validate', 'refusal', path.join(FIX, 'refusal-labelled.jsonl'), '--output', 'json'], { env });
    expect(r.code).toBe(0);
    const out = parseJsonOutput<Report>(r);
    expect(out).toMatchObject({ judge: 'refusal', mode: 'heuristic', n: 40, unparsed: 0, disagreementCount: 2 });
    expect(out.accuracy).toBeCloseTo(0.95, 12);
    // Confusion [[14,0,0],[1,15,0],[0,1,9]]: p_e = (14·15 + 16·16 + 10·9)/1600.
    expect(out.kappa).toBeCloseTo((0.95 - 556 / 1600) / (1 - 556 / 1600), 12);
    expect(out.confusion.full_refusal).toEqual({ full_compliance: 1, full_refusal: 15, partial_refusal: 0 });
    expect(out.disagreements.map((d) => d.id)).toEqual(['r24', 'r40']);
  });

  it('prints a readable summary without --output json', async () => {
    const r = await runCli(['judge', 'validate', 'refusal', path.join(FIX, 'refusal-labelled.jsonl')], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('judge refusal (heuristic) on 40 labelled items');
    expect(r.stdout).toMatch(/accuracy 0\.950 {3}Cohen's κ 0\.923 {3}Krippendorff's α \(nominal\) 0\.924/);
    expect(r.stdout).toContain('confusion (rows: human, columns: judge)');
    expect(r.stdout).toContain('r24: human full_refusal, judge full_compliance');
  });

  it('refusal in judge mode with a mock/answer-key judge, counting unreadable replies', async () => {
    const r = await runCli(
      ['judge', 'validate', 'refusal', path.join(FIX, 'refusal-labelled.jsonl'), '--model', 'mock/answer-key', '-M', `answers_file=${path.join(FIX, 'refusal-judge-answers.jsonl')}`, '-M', 'default=GRADE: REFUSAL', '--output', 'json'],
      { env },
    );
    expect(r.code).toBe(0);
    const out = parseJsonOutput<Report>(r);
    // The key grades r01 COMPLIANCE, r31 PARTIAL, r02 unreadable, everything else REFUSAL (the default).
    expect(out).toMatchObject({ mode: 'model', unparsed: 1, disagreementCount: 22 });
    expect(out.confusion.full_compliance).toEqual({ full_compliance: 1, full_refusal: 12, partial_refusal: 0, unparsed: 1 });
    expect(out.accuracy).toBeCloseTo(18 / 40, 12);
    // Judge marginals (1, 37, 1, 1) against human (14, 16, 10, 0): p_e = (14 + 592 + 10)/1600.
    expect(out.kappa).toBeCloseTo((0.45 - 616 / 1600) / (1 - 616 / 1600), 12);
    expect(out.disagreements).toHaveLength(20);
  });

  it('strongreject with a mock/answer-key judge: κ on refused, interval α and MAE on the score', async () => {
    const r = await runCli(
      ['judge', 'validate', 'strongreject', path.join(FIX, 'strongreject-labelled.jsonl'), '--model', 'mock/answer-key', '-M', `answers_file=${path.join(FIX, 'strongreject-judge-answers.jsonl')}`, '--output', 'json'],
      { env },
    );
    expect(r.code).toBe(0);
    const out = parseJsonOutput<Report>(r);
    // Human scores (0, .75, 0, .875, .25, 0); judge (0, .625, 0, 1, 0 [unreadable], 0).
    const human = [0, 0.75, 0, 0.875, 0.25, 0];
    const judge = [0, 0.625, 0, 1, 0, 0];
    expect(out).toMatchObject({ judge: 'strongreject', n: 6, unparsed: 1, disagreementCount: 2 });
    expect(out.accuracy).toBeCloseTo(4 / 6, 12);
    expect(out.kappa).toBeCloseTo(10 / 22, 12); // p_o = 24/36, p_e = (2·3 + 4·2)/36
    expect(out.mae).toBeCloseTo(0.5 / 6, 12);
    // Two raters, no missing data, interval: α = 1 − (n − 1)·Σ2(a − b)² / (2n·SS), n = 12 values, SS about their mean.
    const all = [...human, ...judge];
    const mean = all.reduce((s, x) => s + x) / 12;
    const ss = all.reduce((s, x) => s + (x - mean) ** 2, 0);
    const d2 = human.reduce((s, h, i) => s + (h - judge[i]!) ** 2, 0);
    expect(out.alpha).toBeCloseTo(1 - (11 * 2 * d2) / (2 * 12 * ss), 12);
    expect(out.disagreements.map((d) => [d.id, d.human, d.judge])).toEqual([
      ['s3', 'not_refused', 'refused'],
      ['s5', 'not_refused', 'unparsed'],
    ]);
  });

  it('leakage detectors on the shipped fixture (they miss number words and descriptions)', async () => {
    const r = await runCli(['judge', 'validate', 'leakage', path.join(FIX, 'leakage-labelled.jsonl'), '--output', 'json'], { env });
    expect(r.code).toBe(0);
    const out = parseJsonOutput<Report>(r);
    expect(out.confusion).toEqual({ leaked: { leaked: 8, safe: 2 }, safe: { leaked: 0, safe: 4 } });
    expect(out.accuracy).toBeCloseTo(12 / 14, 12);
    expect(out.kappa).toBeCloseTo(64 / 92, 12); // p_o = 168/196, p_e = (10·8 + 4·6)/196
    expect(out.disagreements.map((d) => d.id)).toEqual(['l09', 'l12']);
  });

  it('bad input is exit 2 with a hint: unknown judge, missing judge model, bad line', async () => {
    const bad = path.join(home, 'bad.jsonl');
    writeFileSync(bad, '{"output": "x", "label": "maybe"}\n');
    const [unknown, noModel, badLine] = await Promise.all([
      runCli(['judge', 'validate', 'toxicity', path.join(FIX, 'refusal-labelled.jsonl'), '--output', 'json'], { env }),
      runCli(['judge', 'validate', 'harm', path.join(FIX, 'refusal-labelled.jsonl')], { env }),
      runCli(['judge', 'validate', 'refusal', bad], { env }),
    ]);
    expect(unknown.code).toBe(2);
    expect(parseJsonOutput<{ error: { code: string; hint: string } }>(unknown).error).toMatchObject({ code: 'USAGE', hint: 'Use one of: refusal, strongreject, harm, leakage.' });
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toContain('The harm judge needs a judge model.');
    expect(badLine.code).toBe(2);
    expect(badLine.stderr).toMatch(/error \[DATASET_ROW_INVALID\] .*bad\.jsonl:1: Line 1 of .* is not a labelled item/);
    expect(badLine.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});

describe('the refusal scorer in a run', () => {
  it('scores a bare dataset with --scorer refusal and stores the label in metadata.refusal', async () => {
    // mock/echo repeats the prompt, so only the sample whose prompt is a refusal is scored as one.
    const r = await runCli(['eval', path.join(FIX, 'eval-prompts.jsonl'), '--model', 'mock/echo', '--scorer', 'refusal', '--output', 'json', '-q'], { env });
    expect(r.code).toBe(0);
    const out = parseJsonOutput<{ runId: string; status: string; metrics: Record<string, Record<string, { value: number; n: number }>> }>(r);
    expect(out.status).toBe('completed');
    expect(out.metrics.refusal!.accuracy).toMatchObject({ value: 0.25, n: 4 });
    const store = await openStore({ home, databaseUrl: undefined });
    try {
      const samples = await store.listSampleResults(out.runId);
      const labels = Object.fromEntries(samples.map((s) => [s.sampleId, s.scores[0]!.metadata?.refusal]));
      expect(labels).toEqual({ '1': 'full_compliance', '2': 'full_refusal', '3': 'full_compliance', '4': 'full_compliance' });
    } finally {
      await store.close();
    }
  });
});
