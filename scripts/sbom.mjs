#!/usr/bin/env node
// Writes the release SBOM (CycloneDX 1.5 JSON) of every locked package (runtime ones scope `required`, build and
// test tools scope `optional`; `--omit dev` is not used because npm 11 then drops runtime packages that dev tools share), from the lockfile, with npm's own
// `npm sbom` (no extra tool, no network), and checks that every component carries a purl, a SHA-512 hash and a licence.
//   node scripts/sbom.mjs [--out release/assay-<version>.cdx.json]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outArg = process.argv.indexOf('--out');
const out = path.resolve(root, outArg > 0 ? process.argv[outArg + 1] : `release/assay-${pkg.version}.cdx.json`);

const raw = execFileSync('npm', ['sbom', '--sbom-format', 'cyclonedx', '--sbom-type', 'application', '--package-lock-only'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' },
});
const bom = JSON.parse(raw);
bom.metadata.component = { ...bom.metadata.component, name: pkg.name, version: pkg.version, description: pkg.description, licenses: [{ license: { id: pkg.license } }] };

const problems = [];
for (const c of bom.components) {
  if (!c.purl?.startsWith('pkg:npm/')) problems.push(`${c['bom-ref']}: no npm purl`);
  if (!c.hashes?.some((h) => h.alg === 'SHA-512' && /^[0-9a-f]{128}$/.test(h.content))) problems.push(`${c['bom-ref']}: no SHA-512 hash`);
}
const unlicensed = bom.components.filter((c) => !c.licenses?.length).map((c) => c['bom-ref']);
for (const name of Object.keys(pkg.dependencies)) {
  if (!bom.components.some((c) => c.name === name && c.version === pkg.dependencies[name] && c.scope === 'required')) problems.push(`${name}@${pkg.dependencies[name]}: runtime dependency missing from the SBOM`);
}
if (problems.length) {
  for (const p of problems) process.stderr.write(`sbom: ${p}\n`);
  process.exit(1);
}
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, `${JSON.stringify(bom, null, 2)}\n`);
renameSync(`${out}.tmp`, out);
process.stdout.write(`sbom: ${bom.components.length} components (CycloneDX ${bom.specVersion}) -> ${path.relative(root, out)}\n`);
if (unlicensed.length) process.stdout.write(`sbom: ${unlicensed.length} components declare no licence: ${unlicensed.join(', ')}\n`);
