// The two-person downgrade, persisted, on SQLite and PostgreSQL: request, approve (a different cleared approver),
// reject, list; the object is relabelled (run row and the samples above the new label); every step audited.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssayError } from '../../src/errors/index.js';
import { approveLabelChange, LABELLED_OBJECTS, listLabelChanges, rejectLabelChange, requestLabelChange } from '../../src/governance/access/label-change/index.js';
import { getRunFor } from '../../src/governance/access/runs/index.js';
import type { AuditEntry } from '../../src/governance/audit/index.js';
import type { User } from '../../src/governance/identity/index.js';
import { makeResult, makeRun } from '../../src/store/store-test-fixtures.js';
import { AUDIT_HARNESSES, type AuditHarness } from './audit-harness.js';

const user = (id: string, roles: User['roles'], clearance: string): User => ({ id, name: id, roles, clearance, disabled: false });
const ann = user('ann', ['admin'], 'TOP SECRET//SI//NOFORN');
const carol = user('carol', ['admin'], 'TOP SECRET//SI//NOFORN');
const bob = user('bob', ['admin'], 'SECRET//NOFORN');
const eve = user('eve', ['evaluator'], 'SECRET//NOFORN');
const vic = user('vic', ['viewer'], 'TOP SECRET//SI//NOFORN');

async function error(p: Promise<unknown>): Promise<{ code: string; message: string; hint?: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AssayError) return { code: err.code, message: err.message, hint: err.hint };
    throw err;
  }
  throw new Error('expected a failure');
}

for (const [dialect, open] of Object.entries(AUDIT_HARNESSES)) {
  describe(`label change requests on ${dialect}`, () => {
    let h: AuditHarness;
    beforeAll(async () => {
      h = await open();
      await h.store.createRun(makeRun({ id: 'r-ts', label: 'SECRET//NOFORN' }));
      await h.store.saveSampleResult(makeResult('r-ts', 'low', 1, { label: 'UNCLASSIFIED' }));
      await h.store.saveSampleResult(makeResult('r-ts', 'high', 1, { label: 'TOP SECRET//SI//NOFORN' }));
      await h.store.createRun(makeRun({ id: 'r-s', label: 'SECRET//NOFORN' }));
    });
    afterAll(async () => h.cleanup());

    it('request → approve by another cleared admin relabels the run; both steps audited; SECRET users then see it', async () => {
      const audit = h.log();
      await expect(getRunFor(eve, h.store, 'r-ts')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const req = await requestLabelChange(ann, h.store, { type: 'run', id: 'r-ts', toLabel: 'S//NF', reason: 'TS sample sanitised' }, { audit });
      expect(req).toMatchObject({ status: 'pending', fromLabel: 'TOP SECRET//SI//NOFORN', toLabel: 'SECRET//NOFORN', requestedBy: 'ann' });

      // Two-person rule: the requester cannot approve.
      expect(await error(approveLabelChange(ann, h.store, req.id, { audit }))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('two-person rule') });
      // An approver not cleared for the from-label cannot even see the request: same answer as a missing one.
      expect(await error(approveLabelChange(bob, h.store, req.id, { audit }))).toEqual({ ...(await error(approveLabelChange(bob, h.store, 'no-such-request', { audit }))), message: expect.any(String) });
      expect((await error(approveLabelChange(bob, h.store, req.id))).message.replace(req.id, 'X')).toBe((await error(approveLabelChange(bob, h.store, 'X'))).message);
      // A role without the approve permission is refused before any lookup.
      expect((await error(approveLabelChange(vic, h.store, req.id))).code).toBe('FORBIDDEN');
      expect(await listLabelChanges(bob, h.store)).toEqual([]);
      expect((await listLabelChanges(carol, h.store, { status: 'pending' })).map((r) => r.id)).toEqual([req.id]);

      const done = await approveLabelChange(carol, h.store, req.id, { audit });
      expect(done).toMatchObject({ status: 'approved', approvedBy: 'carol' });
      expect((await getRunFor(eve, h.store, 'r-ts')).label).toBe('SECRET//NOFORN');
      const labels = (await h.store.listSampleResults('r-ts')).map((s) => [s.sampleId, s.label]);
      expect(labels).toEqual([['high', 'SECRET//NOFORN'], ['low', 'UNCLASSIFIED']]);
      expect((await error(approveLabelChange(carol, h.store, req.id))).message).toContain('already approved');

      const entries: AuditEntry[] = [];
      for await (const e of audit.scan()) if (e.ok) entries.push(e.entry);
      const steps = entries.filter((e) => e.action === 'label.change' && e.outcome === 'success').map((e) => [e.details.step, e.actor]);
      expect(steps).toEqual([['downgrade.request', 'ann'], ['downgrade.approve', 'carol']]);
      expect(entries.some((e) => e.action === 'label.change' && e.outcome === 'denied' && e.actor === 'ann')).toBe(true);
    });

    it('refuses: a role that may not request, a label that is not lower, a run above the clearance (as a missing id), no reason', async () => {
      expect((await error(requestLabelChange(vic, h.store, { type: 'run', id: 'r-s', toLabel: 'U', reason: 'x' }))).code).toBe('FORBIDDEN');
      expect(await error(requestLabelChange(ann, h.store, { type: 'run', id: 'r-s', toLabel: 'TOP SECRET', reason: 'x' }))).toMatchObject({ code: 'USAGE', message: expect.stringContaining('not lower') });
      await h.store.createRun(makeRun({ id: 'r-top', label: 'TOP SECRET//SI' }));
      const hidden = await error(requestLabelChange(eve, h.store, { type: 'run', id: 'r-top', toLabel: 'U', reason: 'x' }));
      const missing = await error(requestLabelChange(eve, h.store, { type: 'run', id: 'r-nop', toLabel: 'U', reason: 'x' }));
      expect(hidden).toEqual({ ...missing, message: missing.message.replace('r-nop', 'r-top') });
      expect((await error(requestLabelChange(ann, h.store, { type: 'run', id: 'r-s', toLabel: 'U', reason: ' ' }))).code).toBe('USAGE');
      expect((await error(requestLabelChange(ann, h.store, { type: 'planet', id: 'r-s', toLabel: 'U', reason: 'x' }))).code).toBe('USAGE');
    });

    it('reject (by an approver) and withdraw (by the requester) close a request without relabelling', async () => {
      const a = await requestLabelChange(eve, h.store, { type: 'run', id: 'r-s', toLabel: 'UNCLASSIFIED', reason: 'public now' });
      expect(await rejectLabelChange(bob, h.store, a.id)).toMatchObject({ status: 'rejected', approvedBy: 'bob' });
      const b = await requestLabelChange(eve, h.store, { type: 'run', id: 'r-s', toLabel: 'UNCLASSIFIED', reason: 'again' });
      expect(await rejectLabelChange(eve, h.store, b.id)).toMatchObject({ status: 'rejected', approvedBy: 'eve' });
      expect((await getRunFor(eve, h.store, 'r-s')).label).toBe('SECRET//NOFORN');
      expect((await listLabelChanges(eve, h.store, { status: 'rejected' })).map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    });

    it('documents: the roll-up of the document and its chunks; approval lowers the chunks above the new label', async () => {
      const db = h.store.db;
      await sql`insert into ds_documents (id, dataset, ingest_id, path, sha256, size, format, parent_id, units, properties, warnings, label, ingested_at)
        values ('doc-1', 'ds', 'i1', 'a.pdf', 'x', 1, 'pdf', null, 1, '{}', '[]', 'SECRET//NOFORN', '2030-01-01T00:00:00Z')`.execute(db);
      for (const [id, label] of [['c1', 'UNCLASSIFIED'], ['c2', 'TOP SECRET//SI//NOFORN']]) {
        await sql`insert into ds_chunks (dataset, id, document_id, ord, text, portion_marks, token_count, pii, lineage, metadata, label)
          values ('ds', ${id}, 'doc-1', 0, 't', '[]', 1, '[]', '{}', '{}', ${label})`.execute(db);
      }
      expect(await LABELLED_OBJECTS.document.currentLabel(db, 'doc-1')).toBe('TOP SECRET//SI//NOFORN');
      const req = await requestLabelChange(ann, h.store, { type: 'document', id: 'doc-1', toLabel: 'SECRET//NOFORN', reason: 'portion c2 re-reviewed' });
      await approveLabelChange(carol, h.store, req.id);
      const chunks = (await sql<{ id: string; label: string }>`select id, label from ds_chunks order by id`.execute(db)).rows;
      expect(chunks).toEqual([{ id: 'c1', label: 'UNCLASSIFIED' }, { id: 'c2', label: 'SECRET//NOFORN' }]);
      expect(await LABELLED_OBJECTS.document.currentLabel(db, 'doc-1')).toBe('SECRET//NOFORN');
    });
  });
}
