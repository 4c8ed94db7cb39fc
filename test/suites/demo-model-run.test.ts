// A new suite runs end to end on a real local model: the quickstart's GGUF demo model, built in a temporary home.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoModel } from '../../src/quickstart/demo-model.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

let home: string;

beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-suite-gguf-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('math-word on the GGUF demo model', () => {
  it('completes 5 samples through chain of thought, generation and numeric scoring (the score is not the point)', async () => {
    const model = await ensureDemoModel(home);
    const r = await runCli(['eval', 'math-word', '--model', `gguf/${model.path}`, '--limit', '5', '--concurrency', '1', '--output', 'json', '-q'], {
      env: { ASSAY_HOME: home, ASSAY_DATABASE_URL: '' },
    });
    const out = parseJsonOutput<{ status: string; task: string; samples: unknown; metrics: Record<string, Record<string, { n: number; value: number }>> }>(r);
    expect(r.code, r.stderr).toBe(0);
    expect(out).toMatchObject({ status: 'completed', task: 'math-word', samples: { total: 5, completed: 5, errored: 0 } });
    expect(out.metrics.numeric!.accuracy!.n).toBe(5);
  });
});
