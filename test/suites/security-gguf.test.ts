// The canary suite runs on a real local model: the quickstart's GGUF demo model, built in a temporary home.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoModel } from '../../src/quickstart/demo-model.js';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

let home: string;
beforeAll(() => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-security-gguf-'));
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('canary on the GGUF demo model', () => {
  it('completes 3 chat samples through generation and leakage scoring (the leak rate is not the point)', async () => {
    const model = await ensureDemoModel(home);
    const r = await runCli(['eval', 'canary', '--model', `gguf/${model.path}`, '--limit', '3', '--concurrency', '1', '--output', 'json', '-q'], {
      env: { ASSAY_HOME: home, ASSAY_DATABASE_URL: '' },
    });
    const out = parseJsonOutput<{ status: string; task: string; samples: unknown; metrics: Record<string, Record<string, { n: number; value: number }>> }>(r);
    expect(r.code, r.stderr).toBe(0);
    expect(out).toMatchObject({ status: 'completed', task: 'canary', samples: { total: 3, completed: 3, errored: 0 } });
    expect(out.metrics.leakage!.accuracy!.n).toBe(3);
    expect(out.metrics.leakage!.accuracy!.value).toBeGreaterThanOrEqual(0);
    expect(out.metrics.leakage!.accuracy!.value).toBeLessThanOrEqual(1);
  });
});
