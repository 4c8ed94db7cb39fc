// Mandatory access control over runs, on SQLite and PostgreSQL: for random clearances and labels (seeded) every
// service outcome (list, get, report, compare, export) equals canRead of the run's effective label, a hidden run
// answers exactly like a missing id, and derived labels dominate every input.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError, ERROR_CODES } from '../../src/errors/index.js';
import { compareRunsFor } from '../../src/eval/compare.js';
import { exportRunFor } from '../../src/eval/run-export.js';
import { authorize, canRead, derivedLabel } from '../../src/governance/access/index.js';
import { getRunFor, listRunsFor, readRunFor } from '../../src/governance/access/runs/index.js';
import type { User } from '../../src/governance/identity/index.js';
import { dominates } from '../../src/markings/index.js';
import { writeRunReport } from '../../src/report/write-run-report.js';
import { makeResult, makeRun } from '../../src/store/store-test-fixtures.js';
import { AUDIT_HARNESSES, seeded, type AuditHarness } from './audit-harness.js';
import { randomLabel, randomUser } from './mac-labels.js';

const PAIRS = 500;
const RUNS = 24;

/** What a caller sees of a failure: everything a face prints or returns. */
async function failure(p: Promise<unknown>): Promise<Record<string, unknown> | 'ok'> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (!(err instanceof AssayError)) throw err;
    // The id the caller typed is echoed back; everything else must be identical.
    return { code: err.code, exit: err.exitCode, http: ERROR_CODES[err.code].http, hint: err.hint, where: err.where, message: err.message.replaceAll(/"[^"]*"/g, '"ID"') };
  }
}

for (const [dialect, open] of Object.entries(AUDIT_HARNESSES)) {
  describe(`run access on ${dialect}`, () => {
    let h: AuditHarness;
    const expected = new Map<string, string>();
    const r = seeded(dialect === 'sqlite' ? 5 : 7);

    beforeAll(async () => {
      h = await open();
      for (let i = 0; i < RUNS; i++) {
        const id = `run-${String(i).padStart(2, '0')}`;
        const label = randomLabel(r);
        await h.store.createRun(makeRun({ id, label, config: { task: { name: 'arith', epochs: { count: 1, reducer: 'mean' } } }, createdAt: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString() }));
        const samples = i % 3 === 0 ? [] : [label, ...Array.from({ length: r.int(3) }, () => randomLabel(r))];
        for (const [k, l] of samples.entries()) await h.store.saveSampleResult(makeResult(id, `s${k}`, 1, { label: l }));
        // The effective label, computed here with the pure roll-up: the run row and every sample.
        expected.set(id, derivedLabel([label, ...samples]));
      }
    });
    afterAll(async () => h.cleanup());

    it('derived run labels dominate every input, and a run with one higher sample takes its label', () => {
      for (const [id, label] of expected) expect(dominates(label, label), id).toBe(true);
      const rr = seeded(11);
      for (let i = 0; i < PAIRS; i++) {
        const inputs = Array.from({ length: 1 + rr.int(4) }, () => randomLabel(rr));
        const d = derivedLabel(inputs);
        for (const l of inputs) expect(dominates(d, l), `${d} ≥ ${l}`).toBe(true);
      }
    });

    it(`${PAIRS} random viewer × run pairs: get, report data, export equal canRead; hidden = missing`, async () => {
      const ids = [...expected.keys()];
      let readable = 0;
      for (let i = 0; i < PAIRS; i++) {
        const viewer = randomUser(r, i);
        const id = r.pick(ids);
        const label = expected.get(id)!;
        const may = canRead(viewer, label);
        readable += may ? 1 : 0;
        const missing = await failure(getRunFor(viewer, h.store, `no-such-${i}`));
        const got = await failure(getRunFor(viewer, h.store, id));
        if (may) {
          const run = await getRunFor(viewer, h.store, id);
          expect(run.label).toBe(label);
          const content = await readRunFor(viewer, h.store, id);
          expect(content.results.every((s) => canRead(viewer, s.label))).toBe(true);
        } else {
          // Same code, exit code, HTTP status, message (up to the id) and hint as an id that never existed.
          expect(got, `${viewer.clearance} on ${label}`).toEqual(missing);
        }
        if (viewer.disabled || !authorize(viewer, 'read').allowed) continue;
        expect(got === 'ok', `${viewer.clearance} on ${label}`).toBe(may);
        const exported = await failure(exportRunFor(viewer, h.store, id));
        if (!authorize(viewer, 'export').allowed) expect(exported).toMatchObject({ code: 'FORBIDDEN' });
        else expect(exported === 'ok' ? 'ok' : exported).toEqual(may ? 'ok' : await failure(exportRunFor(viewer, h.store, `no-such-${i}`)));
      }
      // The generator exercises both outcomes.
      expect(readable).toBeGreaterThan(PAIRS / 10);
      expect(readable).toBeLessThan(PAIRS - PAIRS / 10);
    });

    it('list shows exactly the readable runs, newest first, and a limit counts only those', async () => {
      const rr = seeded(21);
      const newestFirst = [...expected.keys()].sort().reverse();
      for (let i = 0; i < 100; i++) {
        const viewer: User = { ...randomUser(rr, i), roles: ['viewer'], disabled: false };
        const want = newestFirst.filter((id) => canRead(viewer, expected.get(id)!));
        expect((await listRunsFor(viewer, h.store)).map((x) => x.id)).toEqual(want);
        expect((await listRunsFor(viewer, h.store, { limit: 3 })).map((x) => x.id)).toEqual(want.slice(0, 3));
      }
    });

    it('compare: allowed only when both runs are readable; labelled with the roll-up, which dominates both', async () => {
      const rr = seeded(31);
      const ids = [...expected.keys()].filter((id) => Number(id.slice(4)) % 3 !== 0);
      const seen = { ok: 0, refused: 0 };
      for (let i = 0; i < 150; i++) {
        const viewer: User = { ...randomUser(rr, i), roles: ['evaluator'], disabled: false };
        const [a, b] = [rr.pick(ids), rr.pick(ids)];
        const may = canRead(viewer, expected.get(a)!) && canRead(viewer, expected.get(b)!);
        const out = await failure(compareRunsFor(viewer, h.store, a, b));
        expect(out === 'ok').toBe(may);
        seen[may ? 'ok' : 'refused']++;
        if (may) {
          const c = await compareRunsFor(viewer, h.store, a, b);
          expect(c.label).toBe(derivedLabel([expected.get(a)!, expected.get(b)!]));
          expect(dominates(c.label, expected.get(a)!) && dominates(c.label, expected.get(b)!)).toBe(true);
        } else {
          const hidden = canRead(viewer, expected.get(a)!) ? b : a;
          const [ga, gb] = hidden === a ? [`ghost-${i}`, b] : [a, `ghost-${i}`];
          expect(out).toEqual(await failure(compareRunsFor(viewer, h.store, ga, gb)));
        }
      }
      expect(seen.ok).toBeGreaterThan(5);
      expect(seen.refused).toBeGreaterThan(5);
    });

    it('reports: written only when readable, under the effective label; hidden = missing; reads audited', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'assay-mac-report-'));
      try {
        const log = h.log();
        const rr = seeded(41);
        for (let i = 0; i < 30; i++) {
          const viewer: User = { ...randomUser(rr, i), roles: ['viewer'], disabled: false };
          const id = rr.pick([...expected.keys()]);
          const out = path.join(dir, `${i}.md`);
          const res = await failure(writeRunReport({ store: h.store, runId: id, format: 'md', out, viewer, audit: log }));
          if (canRead(viewer, expected.get(id)!)) {
            expect(res).toBe('ok');
            expect(readFileSync(out, 'utf8')).toContain(expected.get(id)!);
          } else {
            expect(res).toEqual(await failure(writeRunReport({ store: h.store, runId: `nope-${i}`, format: 'md', out, viewer })));
          }
        }
        const entries = [];
        for await (const e of log.scan()) if (e.ok) entries.push(e.entry);
        expect(entries.some((e) => e.action === 'read' && e.outcome === 'denied' && e.object.type === 'run')).toBe(true);
        expect(entries.some((e) => e.action === 'read' && e.outcome === 'success' && e.details.verb === 'report')).toBe(true);
        expect(entries.filter((e) => e.action === 'read').every((e) => e.object.label !== '')).toBe(true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
