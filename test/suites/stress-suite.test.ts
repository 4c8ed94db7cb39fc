// The reliability suite: every item runs as the original plus each perturbation, with robustness metrics.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTask } from '../../src/eval/resolve-task.js';
import { runEval } from '../../src/eval/run-eval.js';
import { parseModelRef } from '../../src/model/model-ref.js';
import { openStore } from '../../src/store/open-store.js';
import { STRESS_PERTURBATIONS } from '../../src/suites/reliability/stress-suite.js';

describe('stress suite', () => {
  it('runs 3 items × (original + 8 perturbations) and reports per-perturbation accuracy and worst-case robustness', async () => {
    const home = mkdtempSync(path.join(tmpdir(), 'assay-stress-'));
    const store = await openStore({ home, databaseUrl: '' });
    try {
      const task = await resolveTask('stress');
      const r = await runEval({ ...task, store, model: parseModelRef('mock/constant', { text: 'ANSWER: -987654321' }), limit: 3 });
      expect(r.status).toBe('completed');
      expect(r.samples.total).toBe(3 * (1 + STRESS_PERTURBATIONS.length));
      const metrics = await store.listMetrics(r.runId);
      const perPerturbation = metrics.filter((m) => m.groupKey === 'perturbation' && m.metric === 'accuracy');
      expect(new Set(perPerturbation.map((m) => m.groupValue))).toEqual(new Set(['none', ...STRESS_PERTURBATIONS]));
      expect(perPerturbation.every((m) => m.n === 3 && m.value === 0)).toBe(true);
      const robust = metrics.find((m) => m.metric === 'robust_accuracy');
      expect(robust).toMatchObject({ value: 0, n: 3 });
    } finally {
      await store.close();
      rmSync(home, { recursive: true, force: true });
    }
  });
});
