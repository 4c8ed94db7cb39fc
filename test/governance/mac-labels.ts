// Random, valid banner markings from the marking vocabulary, and random users, for the MAC property tests (seeded).
import { canonicalLabel } from '../../src/governance/access/index.js';
import { ROLES, type Role, type User } from '../../src/governance/identity/index.js';
import type { seeded } from './audit-harness.js';

type Rnd = ReturnType<typeof seeded>;
const LEVELS = ['UNCLASSIFIED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'] as const;
const SCI = ['SI', 'TK'] as const;
const FDR = ['', 'NOFORN', 'ORCON/NOFORN', 'REL TO USA, GBR', 'REL TO USA, AUS, GBR'] as const;

/** A canonical banner: a level, for classified levels some SCI systems and a dissemination control. */
export function randomLabel(r: Rnd): string {
  const level = r.pick(LEVELS);
  if (level === 'UNCLASSIFIED') return 'UNCLASSIFIED';
  const sci = SCI.filter(() => r.next() < 0.3);
  const fdr = r.pick(FDR);
  const text = [level, sci.join('/'), fdr].filter(Boolean).join('//');
  const label = canonicalLabel(text);
  if (label === null) throw new Error(`generator made an invalid marking ${text}`);
  return label;
}

/** A user with a random clearance, one to two roles, sometimes disabled. */
export function randomUser(r: Rnd, n: number): User {
  const roles = [...new Set<Role>([r.pick(ROLES), r.pick(ROLES)])];
  return { id: `u${n}`, name: `user ${n}`, roles, clearance: randomLabel(r), disabled: r.next() < 0.05 };
}
