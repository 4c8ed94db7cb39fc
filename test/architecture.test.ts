// Import boundaries from docs/ARCHITECTURE.md, checked on the source: faces sit on the core, never the reverse.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

/** Top-level src folders a file imports at run time (relative imports; `import type` only shares shapes). */
function importedDomains(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^import type[^;]+;/gm, '');
  const out = new Set<string>();
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
    const target = path.resolve(path.dirname(file), m[1]!);
    const rel = path.relative(SRC, target);
    if (!rel.startsWith('..')) out.add(rel.split(path.sep)[0]!);
  }
  return [...out];
}

const domainOf = (file: string) => path.relative(SRC, file).split(path.sep)[0]!;

/** Which domains each domain must never import. */
const FORBIDDEN: Record<string, string[]> = {
  '*': ['cli', 'server'],
  markings: ['*'],
  stats: ['eval', 'providers', 'store', 'report', 'suites', 'solvers', 'scorers', 'dataset', 'task'],
  store: ['eval', 'providers', 'report', 'suites', 'solvers', 'scorers'],
  providers: ['eval', 'store', 'report', 'suites', 'solvers', 'scorers'],
  scorers: ['eval', 'store', 'report', 'suites'],
  solvers: ['eval', 'store', 'report', 'suites'],
  report: ['eval', 'providers', 'suites'],
  // The data engine persists through the store's database and calls models (synth) through providers; it never
  // reaches into evaluation, reports or suites.
  data: ['eval', 'report', 'suites', 'solvers', 'scorers'],
};

describe('import boundaries', () => {
  const all = files(SRC);

  it('finds the source', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it('the core never imports a face, and lower layers never import higher ones', () => {
    const violations: string[] = [];
    for (const file of all) {
      const from = domainOf(file);
      if (from === 'cli' || !file.includes(path.sep + from + path.sep)) continue;
      const rules = [...(FORBIDDEN['*'] ?? []), ...(FORBIDDEN[from] ?? [])];
      for (const to of importedDomains(file)) {
        if (to === from) continue;
        if (rules.includes(to) || rules.includes('*')) violations.push(`${path.relative(SRC, file)} imports ${to}/`);
      }
    }
    expect(violations).toEqual([]);
  });
});
