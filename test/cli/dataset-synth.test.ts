// The document-to-eval path as a user runs it: ingest → dataset synth (mock model) → the kept items as an eval dataset
// that `assay eval` runs, with labels carried through and a lower-cleared user getting only what they may read.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

const DEPOT = '(S//NF) The 3rd Battalion moved its supply depot from Harlow to Camp Delta on 14 March, after the Harlow bridge failed its load inspection and convoys had to detour for two days.';
const KITCHEN = 'Field kitchens were told that the new ration packs must be stored below 25 degrees and used within nine months of the packing date stamped on the lid.';

let dir: string;
let env: NodeJS.ProcessEnv;
let answers: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'assay-synth-cli-'));
  env = { ASSAY_HOME: path.join(dir, 'home'), ASSAY_DATABASE_URL: '' };
  mkdirSync(path.join(dir, 'docs'));
  writeFileSync(path.join(dir, 'docs', 'depot.txt'), `SECRET//NOFORN\n\n${DEPOT}\n\nSECRET//NOFORN\n`);
  writeFileSync(path.join(dir, 'docs', 'kitchen.txt'), `UNCLASSIFIED\n\n(U) ${KITCHEN}\n\nUNCLASSIFIED\n`);
  answers = path.join(dir, 'answers.jsonl');
  const lines = [
    { match: 'QUESTION (open book): Where did the 3rd Battalion move its supply depot?', response: 'Camp Delta' },
    { match: 'QUESTION (open book): How long may the new ration packs be used?', response: 'within nine months of the packing date' },
    { match: 'QUESTION (closed book)', response: 'UNKNOWN' },
    { match: 'The 3rd Battalion moved', response: JSON.stringify({ items: [{ question: 'Where did the 3rd Battalion move its supply depot?', answer: 'Camp Delta' }] }) },
    { match: 'Field kitchens were told', response: JSON.stringify({ items: [{ question: 'How long may the new ration packs be used?', answer: 'within nine months of the packing date' }] }) },
    // The eval run below: the model under test answers one item right.
    { match: 'Where did the 3rd Battalion move its supply depot?', response: 'Camp Delta' },
  ];
  writeFileSync(answers, lines.map((l) => JSON.stringify(l)).join('\n'));
  const ingest = await runCli(['ingest', path.join(dir, 'docs'), '--dataset', 'memos', '--output', 'json'], { env });
  expect(ingest.code, ingest.stderr).toBe(0);
  expect(parseJsonOutput<{ chunks: number }>(ingest).chunks).toBe(2);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assay dataset synth', () => {
  it('writes, filters, stores and exports grounded items that assay eval runs at their labels', async () => {
    const out = path.join(dir, 'items.jsonl');
    const r = await runCli(['dataset', 'synth', 'memos', '--model', 'mock/answer-key', '-M', `answers_file=${answers}`, '-M', 'default=UNKNOWN', '--per-chunk', '1', '--min-tokens', '5', '--out', out, '--output', 'json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const res = parseJsonOutput<{ kept: number; generated: number; chunks: number; label: string; set: string }>(r);
    expect(res).toMatchObject({ chunks: 2, generated: 2, kept: 2, label: 'SECRET//NOFORN' });
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { input: string; target: string; label: string; metadata: { citations: string[] } });
    expect(rows.map((x) => [x.input, x.label]).sort()).toEqual([
      ['How long may the new ration packs be used?', 'UNCLASSIFIED'],
      ['Where did the 3rd Battalion move its supply depot?', 'SECRET//NOFORN'],
    ]);
    expect(rows.every((x) => x.metadata.citations.length === 1)).toBe(true);

    const run = await runCli(['eval', out, '--model', 'mock/answer-key', '-M', `answers_file=${answers}`, '--scorer', 'includes', '--output', 'json'], { env });
    expect(run.code, run.stderr).toBe(0);
    const ev = parseJsonOutput<{ runId: string; metrics: { includes: { accuracy: { value: number } } } }>(run);
    expect(ev.metrics.includes.accuracy.value).toBe(0.5);
    const shown = parseJsonOutput<{ run: { label: string } }>(await runCli(['runs', 'show', ev.runId, '--output', 'json'], { env }));
    expect(shown.run.label).toBe('SECRET//NOFORN');

    // A mixed dataset is labelled with its high-water mark: an UNCLASSIFIED operator cannot see it at all, and is told
    // exactly what they would be told of a dataset that does not exist.
    const low = { ...env, ASSAY_CLEARANCE: 'UNCLASSIFIED' };
    const hidden = await runCli(['dataset', 'export', 'memos', '--format', 'eval', '--out', path.join(dir, 'x.jsonl')], { env: low });
    const missing = await runCli(['dataset', 'export', 'nosuch', '--format', 'eval', '--out', path.join(dir, 'x.jsonl')], { env: low });
    expect([hidden.code, hidden.stderr.replace('memos', 'X')]).toEqual([missing.code, missing.stderr.replace('nosuch', 'X')]);
    // The cleared operator releases the UNCLASSIFIED subset of the same items.
    const exp = path.join(dir, 'u-eval.jsonl');
    const e = await runCli(['dataset', 'export', 'memos', '--format', 'eval', '--max-label', 'UNCLASSIFIED', '--out', exp, '--output', 'json'], { env });
    expect(e.code, e.stderr).toBe(0);
    expect(readFileSync(exp, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { input: string }).input)).toEqual(['How long may the new ration packs be used?']);
    expect(readFileSync(`${exp}.card.md`, 'utf8')).not.toContain('SECRET');
  });
});
