// The hash-chained audit log on SQLite and PostgreSQL: append, verify, every kind of tampering, concurrency, checkpoints, export.
import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  defaultAuditKeyFile,
  exportAuditLog,
  GENESIS_HASH,
  loadAuditSigner,
  recordEgressBlocked,
  signerFor,
  type AuditEntry,
  type AuditLog,
} from '../../src/governance/audit/index.js';
import { checkpointPayload } from '../../src/governance/audit/audit-row-codec.js';
import type { AuditLogTable } from '../../src/governance/audit/audit-tables.js';
import { KyselyAuditLog } from '../../src/governance/audit/kysely-audit-log.js';
import { AssayError } from '../../src/errors/index.js';
import { AUDIT_HARNESSES, seeded, type AuditHarness } from './audit-harness.js';

const N = 12;
const STRING_FIELDS = ['time', 'actor', 'action', 'object_type', 'object_id', 'outcome', 'details', 'prev_hash', 'hash', 'label'] as const;

async function fill(log: AuditLog, n: number, seed = 1): Promise<AuditEntry[]> {
  const rnd = seeded(seed);
  const out: AuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(await log.append({
      action: rnd.pick(AUDIT_ACTIONS),
      object: { type: rnd.pick(['run', 'dataset', 'report']), id: `obj-${i}-"q"]\\`, label: rnd.pick(['UNCLASSIFIED', 'SECRET//NOFORN', 'CUI']) },
      outcome: rnd.pick(['success', 'failure', 'denied'] as const),
      details: { i, note: `ünïcödé 🎯 ${rnd.int(1000)}`, nested: { b: [1, 2.5, null], a: true }, skipped: undefined },
    }));
  }
  return out;
}

/** Replaces one character of `text` at `at` with a different printable one. */
function flipChar(text: string, at: number, rnd: ReturnType<typeof seeded>): string {
  const chars = 'abcdefABCDEF0123456789{}":,[] xyz';
  let c = text[at]!;
  while (c === text[at]) c = chars[rnd.int(chars.length)]!;
  return text.slice(0, at) + c + text.slice(at + 1);
}

async function row(h: AuditHarness, seq: number): Promise<AuditLogTable> {
  return h.db.selectFrom('audit_log').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
}

async function setField(h: AuditHarness, seq: number, field: (typeof STRING_FIELDS)[number], value: string): Promise<void> {
  await h.db.updateTable('audit_log').set({ [field]: value }).where('seq', '=', seq).execute();
}

for (const [dialect, open] of Object.entries(AUDIT_HARNESSES)) {
  describe(`audit log on ${dialect}`, () => {
    let h: AuditHarness;
    beforeAll(async () => {
      h = await open();
    });
    afterAll(async () => {
      await h?.cleanup();
    });

    /** Each test starts from an empty log. */
    async function fresh(): Promise<KyselyAuditLog> {
      await h.db.deleteFrom('audit_log').execute();
      await h.db.deleteFrom('audit_checkpoints').execute();
      return h.log();
    }

    it('appends a chain whose hashes are SHA-384 over sorted-key JSON including prevHash, and verifies it', async () => {
      const log = await fresh();
      const entries = await fill(log, N);
      expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
      for (let i = 1; i < N; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
      // Written out by hand: keys sorted at every depth, no whitespace, undefined dropped.
      const e = entries[3]!;
      const d = e.details as { i: number; note: string; nested: { a: boolean; b: unknown[] } };
      const text =
        `{"action":${JSON.stringify(e.action)},"actor":"local:tester@host","details":{"i":3,"nested":{"a":true,"b":[1,2.5,null]},"note":${JSON.stringify(d.note)}},` +
        `"object":{"id":${JSON.stringify(e.object.id)},"label":${JSON.stringify(e.object.label)},"type":${JSON.stringify(e.object.type)}},` +
        `"outcome":"${e.outcome}","prevHash":"${e.prevHash}","seq":4,"time":"${e.time}"}`;
      expect(e.hash).toBe(createHash('sha384').update(text).digest('hex'));
      expect(await log.verify()).toEqual({ ok: true, entries: N, checkpoints: 2 });
      // What scan reads back is what append returned.
      const scanned: AuditEntry[] = [];
      for await (const r of log.scan()) if (r.ok) scanned.push(r.entry);
      expect(scanned).toEqual(entries);
    });

    it('names the entry when any field of one entry is edited, and the chain verifies again once restored', async () => {
      const log = await fresh();
      await fill(log, N);
      for (const field of STRING_FIELDS) {
        for (const seq of [1, 7, N]) {
          const original = (await row(h, seq))[field];
          await setField(h, seq, field, flipChar(original, Math.floor(original.length / 2), seeded(seq)));
          const r = await log.verify();
          expect({ field, seq, ok: r.ok, bad: r.firstBad?.seq }).toEqual({ field, seq, ok: false, bad: seq });
          await setField(h, seq, field, original);
        }
      }
      expect((await log.verify()).ok).toBe(true);
    });

    it('property: a random one-character edit of a random field of a random entry is always caught at that entry', async () => {
      const log = await fresh();
      await fill(log, N, 7);
      const rnd = seeded(20261123);
      const rounds = dialect === 'sqlite' ? 150 : 60;
      for (let i = 0; i < rounds; i++) {
        const seq = 1 + rnd.int(N);
        const field = rnd.pick(STRING_FIELDS);
        const original = (await row(h, seq))[field];
        const at = rnd.int(original.length);
        await setField(h, seq, field, flipChar(original, at, rnd));
        const r = await log.verify();
        expect({ i, seq, field, at, ok: r.ok, bad: r.firstBad?.seq }).toEqual({ i, seq, field, at, ok: false, bad: seq });
        await setField(h, seq, field, original);
      }
      expect((await log.verify()).ok).toBe(true);
    });

    it('catches a changed seq, a deleted entry, an inserted entry and two swapped entries', async () => {
      const log = await fresh();
      await fill(log, N);
      const verifyBad = async () => (await log.verify()).firstBad;

      await h.db.updateTable('audit_log').set({ seq: 1000 }).where('seq', '=', 6).execute();
      expect(await verifyBad()).toMatchObject({ seq: 6, reason: expect.stringContaining('missing') });
      await h.db.updateTable('audit_log').set({ seq: 6 }).where('seq', '=', 1000).execute();
      expect((await log.verify()).ok).toBe(true);

      const saved = await row(h, 4);
      await h.db.deleteFrom('audit_log').where('seq', '=', 4).execute();
      expect(await verifyBad()).toMatchObject({ seq: 4, reason: expect.stringContaining('deleted') });
      await h.db.insertInto('audit_log').values(saved).execute();

      await h.db.deleteFrom('audit_log').where('seq', '=', 1).execute();
      expect((await verifyBad())?.seq).toBe(1);
      await fresh();
      await fill(log, N);

      // Insert a forged entry at 5 by moving 5..N one place up (through negatives: the key stays unique).
      await h.db.updateTable('audit_log').set((eb) => ({ seq: eb('seq', '*', -1) })).where('seq', '>=', 5).execute();
      await h.db.updateTable('audit_log').set((eb) => ({ seq: eb(eb('seq', '*', -1), '+', 1) })).where('seq', '<', 0).execute();
      const forged = { ...(await row(h, 4)), seq: 5, actor: 'local:mallory@host' };
      await h.db.insertInto('audit_log').values(forged).execute();
      expect(await verifyBad()).toMatchObject({ seq: 5 });

      await fresh();
      await fill(log, N);
      // Swap the contents of entries 3 and 8, keeping their seq numbers.
      const { seq: _3, ...c3 } = await row(h, 3);
      const { seq: _8, ...c8 } = await row(h, 8);
      await h.db.updateTable('audit_log').set(c8).where('seq', '=', 3).execute();
      await h.db.updateTable('audit_log').set(c3).where('seq', '=', 8).execute();
      expect(await verifyBad()).toMatchObject({ seq: 3 });
    });

    it('catches a truncated tail through the signed checkpoint, and a consistent rewrite of the whole chain', async () => {
      const log = await fresh();
      await fill(log, N);
      expect((await log.checkpoints()).map((c) => c.seq)).toEqual([5, 10]);
      await h.db.deleteFrom('audit_log').where('seq', '>=', 8).execute();
      expect(await log.verify()).toMatchObject({ ok: false, entries: 7, firstBad: { seq: 8, reason: expect.stringContaining('truncated') } });

      await fresh();
      const entries = await fill(log, N);
      // Edit entry 3 and recompute every hash after it: the links hold, only the checkpoint at 5 disagrees.
      const { hashEntry } = await import('../../src/governance/audit/hash-entry.js');
      let prev = entries[1]!.hash;
      for (const e of entries.slice(2)) {
        const body = { ...e, prevHash: prev, actor: e.seq === 3 ? 'local:mallory@host' : e.actor };
        const hash = hashEntry(body);
        await h.db.updateTable('audit_log').set({ actor: body.actor, prev_hash: prev, hash }).where('seq', '=', e.seq).execute();
        prev = hash;
      }
      expect(await log.verify()).toMatchObject({ ok: false, firstBad: { seq: 5, reason: expect.stringContaining('rewritten') } });
    });

    it('keeps one chain under concurrent appends from two logs (PostgreSQL: two connection pools)', async () => {
      const log = await fresh();
      // SQLite: one connection per process (other processes are covered by the CLI test).
      const other = dialect === 'postgres' ? await h.openAnother() : h.store;
      const otherLog = new KyselyAuditLog({ db: other.db, dialect: other.dialect, actor: 'local:other@host', keyFile: h.keyFile, checkpointEvery: 7 });
      const event = (i: number) => ({ action: 'read' as const, object: { type: 'run', id: `r${i}`, label: 'UNCLASSIFIED' } });
      const appended = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? log : otherLog).append(event(i))));
      expect(appended.map((e) => e.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(await log.verify()).toMatchObject({ ok: true, entries: 40 });
    });

    it('signs checkpoints on demand with a 0600 key file; a forged, edited or foreign-key checkpoint fails', async () => {
      const log = await fresh();
      await fill(log, 3);
      const c = await log.checkpoint();
      expect(c).toMatchObject({ seq: 3 });
      expect(await log.checkpoint()).toEqual(c);
      expect(statSync(h.keyFile).mode & 0o777).toBe(0o600);
      const signer = loadAuditSigner({ file: h.keyFile, create: false })!;
      expect(signer.keyId).toBe(c!.keyId);
      expect(signer.verify(checkpointPayload(c!), c!.signature)).toBe(true);
      expect(await log.verify()).toEqual({ ok: true, entries: 3, checkpoints: 1 });

      const sig = Buffer.from(c!.signature, 'base64');
      sig[10] = sig[10]! ^ 1;
      await h.db.updateTable('audit_checkpoints').set({ signature: sig.toString('base64') }).where('seq', '=', 3).execute();
      expect(await log.verify()).toMatchObject({ ok: false, firstBad: { seq: 3, reason: expect.stringContaining('invalid signature') } });

      await h.db.updateTable('audit_checkpoints').set({ signature: c!.signature, time: '2020-01-01T00:00:00.000Z' }).where('seq', '=', 3).execute();
      expect((await log.verify()).firstBad?.reason).toContain('invalid signature');

      const mallory = signerFor(generateKeyPairSync('ed25519').privateKey);
      await h.db.updateTable('audit_checkpoints').set({ time: c!.time, key_id: mallory.keyId, signature: mallory.sign(checkpointPayload(c!)) }).where('seq', '=', 3).execute();
      expect((await log.verify()).firstBad?.reason).toContain('unknown key');
    });

    it('records egress.blocked as denied, and refuses an unknown action', async () => {
      const log = await fresh();
      const e = await recordEgressBlocked(log, { host: 'api.example.com', port: 443, protocol: 'tls', caller: 'openai' });
      expect(e).toMatchObject({ seq: 1, action: 'egress.blocked', outcome: 'denied', object: { type: 'host', id: 'api.example.com:443' }, details: { port: 443, protocol: 'tls', caller: 'openai' } });
      expect(await recordEgressBlocked(undefined, { host: 'x' })).toBeUndefined();
      const err = await log.append({ action: 'nonsense' as 'read', object: { type: 't', id: 'i', label: 'U' } }).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(AssayError);
      expect((await log.verify()).entries).toBe(1);
    });

    it('exports JSONL with hashes and RFC 5424 syslog lines, checkpoints after their entry', async () => {
      const log = await fresh();
      const entries = await fill(log, 6);
      const out = path.join(path.dirname(h.keyFile), `export-${dialect}`);
      const jsonl = await exportAuditLog({ log, format: 'jsonl', out: `${out}.jsonl` });
      const lines = readFileSync(`${out}.jsonl`, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(jsonl.lines).toBe(7);
      expect(lines.filter((l) => 'hash' in l && 'seq' in l)).toEqual(entries);
      expect(lines[5]).toMatchObject({ checkpoint: { seq: 5, hash: entries[4]!.hash } });

      await exportAuditLog({ log, format: 'syslog', out: `${out}.log` });
      const sys = readFileSync(`${out}.log`, 'utf8').trimEnd().split('\n');
      expect(sys).toHaveLength(7);
      const first = entries[0]!;
      const pri = 13 * 8 + (first.outcome === 'success' ? 6 : 4);
      expect(sys[0]).toMatch(new RegExp(`^<${pri}>1 ${first.time.replace(/\./g, '\\.')} \\S+ assay - ${first.action.replace('.', '\\.')} \\[assay@32473 seq="1" `));
      // The object id holds `"`, `]` and `\`: escaped inside the structured data.
      expect(sys[0]).toContain(`objectId="obj-0-\\"q\\"\\]\\\\"`);
      expect(sys[0]).toContain(`hash="${first.hash}"`);
      expect(JSON.parse(sys[0]!.slice(sys[0]!.indexOf('] {') + 2))).toEqual(first);
      expect(sys[5]).toMatch(/^<110>1 \S+ \S+ assay - audit\.checkpoint \[assay@32473 seq="5" /);
    });
  });
}

describe('audit signing key', () => {
  it('lives at $ASSAY_HOME/keys/audit-signing.pem unless ASSAY_AUDIT_KEY_FILE says otherwise', () => {
    expect(defaultAuditKeyFile({ ASSAY_HOME: '/srv/assay' })).toBe(path.join('/srv/assay', 'keys', 'audit-signing.pem'));
    expect(defaultAuditKeyFile({ ASSAY_HOME: '/srv/assay', ASSAY_AUDIT_KEY_FILE: '/etc/assay/k.pem' })).toBe('/etc/assay/k.pem');
  });

  it('is not created by a read, refuses a key others can read, and refuses a non-Ed25519 key', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(path.join(tmpdir(), 'assay-key-'));
    const file = path.join(dir, 'k.pem');
    expect(loadAuditSigner({ file, create: false })).toBeUndefined();
    const signer = loadAuditSigner({ file, create: true })!;
    expect(loadAuditSigner({ file, create: false })!.keyId).toBe(signer.keyId);
    chmodSync(file, 0o644);
    expect(() => loadAuditSigner({ file, create: false })).toThrow(/readable by others/);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(file, ec, { mode: 0o600 });
    chmodSync(file, 0o600);
    expect(() => loadAuditSigner({ file, create: false })).toThrow(/not Ed25519/);
  });
});
