#!/usr/bin/env node
// Supply chain: checks package-lock.json before `npm ci` trusts it (SA-12, SR-4). npm ci then verifies every tarball
// against the lockfile's sha512 integrity, so together they pin every byte that gets installed.
//   node scripts/check-lockfile.mjs [project dir]     exit 0 when sound, 1 with one line per problem
import { readFileSync } from 'node:fs';
import path from 'node:path';

const EXACT = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;
const REGISTRY = 'https://registry.npmjs.org/';

/** Problems found in the project at `dir` (empty when the lockfile is sound). */
export function checkLockfile(dir) {
  const problems = [];
  const read = (name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  const pkg = read('package.json');
  const lock = read('package-lock.json');
  if (lock.lockfileVersion !== 3) problems.push(`package-lock.json: lockfileVersion is ${lock.lockfileVersion}, expected 3 (npm 9 or later)`);
  const root = lock.packages?.[''] ?? {};
  for (const field of ['dependencies', 'devDependencies']) {
    const declared = pkg[field] ?? {};
    const locked = root[field] ?? {};
    for (const [name, range] of Object.entries(declared)) {
      if (!EXACT.test(range)) problems.push(`package.json ${field}.${name}: "${range}" is not an exact version; pin it (npm install --save-exact)`);
      if (locked[name] !== range) problems.push(`package.json ${field}.${name}: "${range}" but the lockfile says "${locked[name] ?? '(absent)'}"; run npm install and commit the lockfile`);
      const entry = lock.packages?.[`node_modules/${name}`];
      if (!entry) problems.push(`package-lock.json: ${name} is declared but not locked`);
      else if (EXACT.test(range) && entry.version !== range) problems.push(`package-lock.json: ${name} is locked at ${entry.version}, package.json pins ${range}`);
    }
    for (const name of Object.keys(locked)) if (!(name in declared)) problems.push(`package-lock.json: ${field}.${name} is locked but no longer declared in package.json`);
  }
  for (const [key, entry] of Object.entries(lock.packages ?? {})) {
    if (key === '' || entry.link) continue;
    if (!entry.version) problems.push(`package-lock.json: ${key} has no version`);
    if (!/^sha512-[A-Za-z0-9+/]{86}==$/.test(entry.integrity ?? '')) problems.push(`package-lock.json: ${key} has no sha512 integrity hash (${entry.integrity ?? 'none'})`);
    if (entry.resolved !== undefined && !entry.resolved.startsWith(REGISTRY)) {
      problems.push(`package-lock.json: ${key} resolves outside the npm registry (${entry.resolved}); git, file and http sources are not allowed`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve(process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..'));
  const problems = checkLockfile(dir);
  for (const p of problems) process.stderr.write(`check-lockfile: ${p}\n`);
  if (problems.length) process.exit(1);
  const count = Object.keys(JSON.parse(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).packages).length - 1;
  process.stdout.write(`check-lockfile: ${count} locked packages, all exact, all with sha512 integrity, none from outside the registry\n`);
}
