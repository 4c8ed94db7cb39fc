// Property tests (seeded mulberry32, so failures replay): no read up, derived labels dominate their inputs, monotone clearance, two-person rule.
import { describe, expect, it } from 'vitest';
import { approveDowngrade, canRead, derivedLabel, requestDowngrade } from '../../src/governance/access/index.js';
import { ROLES, toUser, type Role, type User } from '../../src/governance/identity/index.js';
import { dominates, emptyMarking, parseMarking, renderMarking, type Level } from '../../src/markings/index.js';
import { mergeCompartments } from '../../src/markings/compartments.js';
import { DISSEM_CONTROLS, type DissemKey } from '../../src/markings/vocabulary.js';
import { seeded } from './audit-harness.js';

type Rnd = ReturnType<typeof seeded>;
const RUNS = 250;
const LEVELS: readonly Level[] = ['U', 'C', 'S', 'TS'];
const SCI = ['SI', 'SI-G', 'SI-G ABCD', 'TK', 'HCS-P', 'HCS-P JJJ'] as const;
const SAP = ['BLUE', 'GREEN'] as const;
const HANDLING = ['ORCON', 'IMCON', 'PROPIN'] as const satisfies readonly DissemKey[];
const PARTNERS = ['AUS', 'CAN', 'GBR', 'NZL'] as const;

/** A label as a model: what a reader must hold, independent of src/markings. */
interface Model {
  rank: number;
  tokens: Set<string>;
  handling: Set<string>;
  /** Countries it may go to; null: anyone (unclassified, no FD&R). */
  reach: Set<string> | null;
  text: string;
}

const some = <T>(r: Rnd, xs: readonly T[], p: number): T[] => xs.filter(() => r.next() < p);

function tokensOf(sci: readonly string[], sap: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const s of sci) {
    const [system, rest] = s.split('-') as [string, string | undefined];
    out.add(system);
    if (rest) {
      const [comp, sub] = rest.split(' ');
      out.add(`${system}-${comp}`);
      if (sub) out.add(`${system}-${comp} ${sub}`);
    }
  }
  for (const p of sap) out.add(`SAR-${p}`);
  return out;
}

/** A random, valid banner from a realistic vocabulary, with its model. */
function randomLabel(r: Rnd, floor = 0): Model {
  const rank = floor + r.int(LEVELS.length - floor);
  const m = emptyMarking('banner', 'us', LEVELS[rank]!);
  if (rank > 0) {
    m.sci = mergeCompartments(some(r, SCI, 0.2));
    m.sap = mergeCompartments(some(r, SAP, 0.1));
  }
  const keys = new Set<DissemKey>(rank > 0 ? some(r, HANDLING, 0.15) : []);
  const fdr = r.pick(['none', 'nf', 'rel', 'rel'] as const);
  let reach: Set<string> | null = rank === 0 ? null : new Set(['USA']);
  if (fdr === 'nf') {
    keys.add('NOFORN');
    reach = new Set(['USA']);
  }
  if (fdr === 'rel') {
    const list = [...new Set(['USA', r.pick(PARTNERS), ...some(r, PARTNERS, 0.4)])].sort((a, b) => (a === 'USA' ? -1 : b === 'USA' ? 1 : a < b ? -1 : 1));
    keys.add('REL TO');
    m.relTo = list;
    reach = new Set(list);
  }
  m.dissem = DISSEM_CONTROLS.map((d) => d.key).filter((k) => keys.has(k));
  const text = renderMarking(m, 'banner');
  const parsed = parseMarking(text, { form: 'banner' });
  if (!parsed.valid) throw new Error(`generator made an invalid marking ${text}: ${parsed.errors.map((e) => e.code).join(',')}`);
  return { rank, tokens: tokensOf(m.sci, m.sap), handling: new Set([...keys].filter((k) => k !== 'NOFORN' && k !== 'REL TO')), reach, text };
}

const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

/** Bell-LaPadula simple security on the model. */
function modelReads(c: Model, l: Model): boolean {
  if (c.rank < l.rank || !subset(l.tokens, c.tokens) || !subset(l.handling, c.handling)) return false;
  return l.reach === null || (c.reach !== null && subset(c.reach, l.reach));
}

const asUser = (id: string, m: Model, roles: Role[] = ['viewer'], disabled = false): User => toUser({ id, name: id, roles, clearance: m.text, disabled });

describe('access properties', () => {
  it('no read up: canRead agrees with the Bell-LaPadula model over random clearances and labels', () => {
    const r = seeded(20250101);
    let readable = 0;
    for (let i = 0; i < RUNS * 2; i++) {
      const c = randomLabel(r);
      const l = randomLabel(r);
      const u = asUser('u', c);
      const got = canRead(u, l.text);
      expect(got, `${c.text} reads ${l.text}`).toBe(modelReads(c, l));
      if (l.rank > c.rank || !subset(l.tokens, c.tokens) || !subset(l.handling, c.handling)) expect(got).toBe(false);
      if (got) readable++;
      expect(canRead({ ...u, disabled: true }, l.text)).toBe(false);
    }
    expect(readable).toBeGreaterThan(20); // the generator exercises both outcomes
    expect(readable).toBeLessThan(RUNS * 2 - 20);
  });

  it('derived labels dominate every input, and a user reads the derived label iff they read every input', () => {
    const r = seeded(7);
    for (let i = 0; i < RUNS; i++) {
      const inputs = Array.from({ length: 1 + r.int(4) }, () => randomLabel(r).text);
      const derived = derivedLabel(inputs);
      for (const input of inputs) expect(dominates(derived, input), `${derived} ≥ ${input}`).toBe(true);
      const u = asUser('u', randomLabel(r));
      expect(canRead(u, derived), `${u.clearance} on ${derived} from ${inputs.join(' + ')}`).toBe(inputs.every((l) => canRead(u, l)));
    }
  });

  it('canRead is monotone in clearance: raising a clearance never loses a read', () => {
    const r = seeded(99);
    for (let i = 0; i < RUNS; i++) {
      const low = randomLabel(r);
      const high = randomLabel(r, low.rank);
      const raised = derivedLabel([low.text, high.text]); // ≥ low by the join
      const l = randomLabel(r);
      const [a, b] = [asUser('a', low), toUser({ id: 'b', name: 'b', roles: ['viewer'], clearance: raised })];
      expect(dominates(raised, low.text)).toBe(true);
      if (canRead(a, l.text)) expect(canRead(b, l.text), `${raised} ≥ ${low.text} reads ${l.text}`).toBe(true);
    }
  });

  it('the two-person rule refuses self-approval and under-cleared or unentitled approvers, and allows the rest', async () => {
    const r = seeded(4242);
    let approved = 0;
    let underCleared = 0;
    for (let i = 0; i < RUNS; i++) {
      const object = { type: 'dataset', id: `d${i}`, label: randomLabel(r, 1).text };
      // Often cleared for the object (the join of its label and another), otherwise a random clearance.
      const clearance = () => (r.next() < 0.6 ? derivedLabel([object.label, randomLabel(r).text]) : randomLabel(r).text);
      const requester = toUser({ id: 'req', name: 'req', roles: ['evaluator', 'admin'], clearance: clearance() });
      const req = await requestDowngrade(requester, object, 'UNCLASSIFIED');
      expect(req.allowed).toBe(canRead(requester, object.label));
      if (!req.allowed) continue;
      expect((await approveDowngrade(requester, req.request)).allowed).toBe(false);
      const roles = some(r, ROLES, 0.3);
      const approver = toUser({ id: 'app', name: 'app', roles: roles.length ? roles : ['viewer'], clearance: clearance(), disabled: r.next() < 0.1 });
      const a = await approveDowngrade(approver, req.request);
      const entitled = approver.roles.includes('admin') && !approver.disabled;
      expect(a.allowed, a.reason).toBe(entitled && canRead(approver, object.label));
      if (!canRead(approver, object.label)) {
        expect(a.allowed).toBe(false);
        underCleared++;
      }
      if (a.allowed) approved++;
    }
    expect(approved).toBeGreaterThan(20);
    expect(underCleared).toBeGreaterThan(10);
  });
});
