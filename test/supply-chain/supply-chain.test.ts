// Supply chain and offline operation: the lockfile check, the CycloneDX SBOM, and the quickstart in a network
// namespace with no network at all (nothing to phone home to, no download of models, fonts or data).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations.
import { checkLockfile } from '../../scripts/check-lockfile.mjs';
import { ASSAY_BIN, REPO_ROOT } from '../helpers/cli.js';

const check = checkLockfile as (dir: string) => string[];
const temps: string[] = [];
const temp = (prefix: string) => {
  const d = mkdtempSync(path.join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of package.json and package-lock.json with `edit` applied. */
function tampered(edit: (pkg: Record<string, any>, lock: Record<string, any>) => void): string {
  const dir = temp('assay-lock-');
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8'));
  edit(pkg, lock);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg));
  writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify(lock));
  return dir;
}

describe('lockfile integrity', () => {
  it('the committed lockfile is sound', () => {
    expect(check(REPO_ROOT)).toEqual([]);
  });

  it('names each kind of problem', () => {
    expect(check(tampered((p) => (p.dependencies.zod = '^4.6.7')))).toEqual(
      expect.arrayContaining([expect.stringMatching(/dependencies\.zod: "\^4\.6\.7" is not an exact version/)]),
    );
    expect(check(tampered((_p, l) => delete l.packages['node_modules/kysely'].integrity))).toEqual([
      expect.stringMatching(/node_modules\/kysely has no sha512 integrity hash/),
    ]);
    expect(check(tampered((_p, l) => (l.packages['node_modules/yaml'].resolved = 'git+https://example.invalid/yaml.git')))).toEqual([
      expect.stringMatching(/node_modules\/yaml resolves outside the npm registry/),
    ]);
    expect(check(tampered((_p, l) => (l.packages['node_modules/pg'].version = '8.0.0')))).toEqual([
      expect.stringMatching(/pg is locked at 8\.0\.0, package\.json pins 8\.23\.1/),
    ]);
  });
});

describe('SBOM', () => {
  it('is CycloneDX with every runtime dependency as a required component with purl and SHA-512', () => {
    const out = path.join(temp('assay-sbom-'), 'bom.json');
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'sbom.mjs'), '--out', out], { cwd: REPO_ROOT });
    const bom = JSON.parse(readFileSync(out, 'utf8'));
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.metadata.component).toMatchObject({ name: 'assay' });
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    for (const [name, version] of Object.entries(pkg.dependencies)) {
      const c = bom.components.find((x: { name: string; version: string }) => x.name === name && x.version === version);
      expect(c, name).toMatchObject({ scope: 'required', purl: `pkg:npm/${name.replace('@', '%40')}@${version}` });
      expect(c.hashes[0]).toMatchObject({ alg: 'SHA-512', content: expect.stringMatching(/^[0-9a-f]{128}$/) });
    }
  });
});

const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;

describe('offline', () => {
  it.skipIf(!canUnshare)('the quickstart runs in a network namespace with no network (no downloads, no telemetry)', () => {
    const home = temp('assay-offline-');
    const r = spawnSync('unshare', ['-n', process.execPath, ASSAY_BIN, 'quickstart', '--output', 'json'], {
      cwd: REPO_ROOT,
      env: { ...process.env, ASSAY_HOME: home, ASSAY_DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).not.toMatch(/EGRESS_BLOCKED|ENETUNREACH|getaddrinfo/);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { metrics?: unknown; runId?: string };
    expect(JSON.stringify(out)).toMatch(/accuracy/);
  });
}, 180_000);
