// Task settings and the --perturb flag: names are checked once, through the schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePerturbList, withPerturbations } from '../../src/perturb/perturb-flag.js';
import { defineTask } from '../../src/task/define-task.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

const FIX = path.resolve(import.meta.dirname, 'fixtures');
const base = () => defineTask({ name: 't', dataset: { path: 'd.jsonl' } });

describe('task settings', () => {
  it('fill seed 0 and rate 0.1 and accept converters', () => {
    const task = defineTask({ name: 't', dataset: { path: 'd.jsonl' }, perturbations: { names: ['typos', 'ocr'] }, converters: ['base64'] });
    expect(task.perturbations).toEqual({ names: ['typos', 'ocr'], seed: 0, rate: 0.1 });
    expect(task.converters).toEqual(['base64']);
    expect(base().perturbations).toBeUndefined();
  });

  it('reject unknown names and rates outside 0–1, naming the field', () => {
    expect(() => defineTask({ name: 't', dataset: { path: 'd.jsonl' }, perturbations: { names: ['typo' as 'typos'] } })).toThrow(/perturbations\.names\[0\]/);
    expect(() => defineTask({ name: 't', dataset: { path: 'd.jsonl' }, perturbations: { names: ['typos'], rate: 2 } })).toThrow(/perturbations\.rate/);
    expect(() => defineTask({ name: 't', dataset: { path: 'd.jsonl' }, converters: ['caesar' as 'rot13'] })).toThrow(/converters\[0\]/);
  });
});

describe('--perturb', () => {
  it('parses a comma-separated list', () => {
    expect(parsePerturbList('typos, casing,,ocr')).toEqual(['typos', 'casing', 'ocr']);
    expect(() => parsePerturbList('typos,nope')).toThrow(expect.objectContaining({ code: 'USAGE', message: 'Unknown perturbation "nope".' }));
    expect(() => parsePerturbList(' , ')).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('adds the perturbations, the robustness metrics and the original_id cluster, keeping what the task set', () => {
    const task = withPerturbations(base(), ['typos', 'casing']);
    expect(task.perturbations).toEqual({ names: ['typos', 'casing'], seed: 0, rate: 0.1 });
    expect(task.metrics).toEqual({ groupBy: [], custom: ['perturbation_accuracy', 'worst_case_robustness'], cluster: 'original_id' });
    const own = defineTask({ name: 't', dataset: { path: 'd.jsonl' }, perturbations: { names: ['ocr'], seed: 5, rate: 0.3 }, metrics: { cluster: 'passage', custom: ['worst_case_robustness'] } });
    const merged = withPerturbations(own, ['typos', 'ocr']);
    expect(merged.perturbations).toEqual({ names: ['ocr', 'typos'], seed: 5, rate: 0.3 });
    expect(merged.metrics).toEqual({ groupBy: [], custom: ['worst_case_robustness', 'perturbation_accuracy'], cluster: 'passage' });
  });
});

describe('assay eval --perturb (the built CLI)', () => {
  let home: string;
  beforeAll(() => {
    home = mkdtempSync(path.join(tmpdir(), 'assay-perturb-cli-'));
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('runs each sample under the perturbations and prints the robustness metrics', async () => {
    const r = await runCli(['eval', path.join(FIX, 'robust-task.yaml'), '--model', 'mock/answer-key', '-M', `answers_file=${path.join(FIX, 'robust-answers.jsonl')}`, '--perturb', 'casing', '--output', 'json'], { env: { ASSAY_HOME: home, ASSAY_DATABASE_URL: '' } });
    expect(r.code).toBe(0);
    const out = parseJsonOutput<{ samples: { total: number }; metrics: Record<string, Record<string, { value: number; n: number }>> }>(r);
    expect(out.samples.total).toBe(8);
    // casing fails only r2 (see robustness-engine.test.ts): robust 3/4, accuracy 7/8.
    expect(out.metrics.includes!.robust_accuracy).toMatchObject({ value: 0.75, n: 4 });
    expect(out.metrics.includes!.accuracy).toMatchObject({ value: 7 / 8, n: 8 });
  });

  it('an unknown perturbation is bad input (exit 2) naming the choices', async () => {
    const r = await runCli(['eval', path.join(FIX, 'robust-task.yaml'), '--model', 'mock/echo', '--perturb', 'typo', '--output', 'json'], { env: { ASSAY_HOME: home, ASSAY_DATABASE_URL: '' } });
    expect(r.code).toBe(2);
    const out = parseJsonOutput<{ error: { code: string; message: string; hint: string } }>(r);
    expect(out.error).toMatchObject({ code: 'USAGE', message: 'Unknown perturbation "typo".' });
    expect(out.error.hint).toContain('typos, casing, whitespace');
  });
});
