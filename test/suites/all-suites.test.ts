// Every built-in suite runs end to end on the mock provider and on the local GGUF demo model (a few samples each).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTask } from '../../src/eval/resolve-task.js';
import { runEval } from '../../src/eval/run-eval.js';
import { parseModelRef } from '../../src/model/model-ref.js';
import { ensureDemoModel } from '../../src/quickstart/demo-model.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { DIMENSIONS, listSuites } from '../../src/suites/registry.js';

let home: string;
let store: Store;
let demoModel: string;

beforeAll(async () => {
  home = mkdtempSync(path.join(tmpdir(), 'assay-suites-'));
  store = await openStore({ home, databaseUrl: '' });
  demoModel = (await ensureDemoModel(home)).path;
});
afterAll(async () => {
  await store?.close();
  rmSync(home, { recursive: true, force: true });
});

const suites = listSuites();

describe('the suite catalogue', () => {
  it('names a dimension, version, item count and a full card for every suite', () => {
    expect(suites.length).toBeGreaterThan(5);
    for (const s of suites) {
      expect(DIMENSIONS).toContain(s.dimension);
      expect(s.items).toBeGreaterThan(0);
      expect(s.card.purpose.length * s.card.scoring.length * s.card.limits.length).toBeGreaterThan(0);
    }
  });
});

describe.each(suites.map((s) => s.name))('suite %s', (name) => {
  it('runs end to end on mock/echo and on the gguf demo model', async () => {
    const task = await resolveTask(name);
    // A judge role, where a suite's scorers need one, is played by the mock too.
    const roles = { judge: parseModelRef('mock/echo'), paraphraser: parseModelRef('mock/echo') };
    for (const model of [parseModelRef('mock/echo'), parseModelRef(`gguf/${demoModel}`)]) {
      const r = await runEval({ ...task, store, model, roles, limit: 2, concurrency: 2 });
      expect(r.status, `${name} on ${model.provider}`).toBe('completed');
      expect(r.samples.completed + r.samples.errored).toBe(r.samples.total);
      expect(Object.keys(r.metrics).length).toBeGreaterThan(0);
    }
  });
});
