// `assay markings check|rollup` as users run it: JSON contract, exit codes 0/1/2, documents checked against their roll-up.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonOutput, runCli } from '../helpers/cli.js';

interface Issue {
  code: string;
  message: string;
  position?: number;
  line?: number;
  column?: number;
}

let dir: string;
const CAB = 'Classified By: J. Smith, Director, Office of Examples\nDerived From: Multiple Sources\nDeclassify On: 20451231';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'assay-markings-'));
  // Notional training documents.
  writeFileSync(path.join(dir, 'good.txt'), `SECRET//NOFORN\n\n(S//NF) The notional plan.\n(U) Weather was fair.\n\n${CAB}\nSECRET//NOFORN\n`);
  writeFileSync(path.join(dir, 'spill.txt'), `SECRET//NOFORN\n\n(TS//SI//NF) A higher portion.\n(S/NF) A noisy one.\n\n${CAB}\nSECRET//NOFORN\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('assay markings check', () => {
  it('a valid marking: exit 0 and {valid, normalised, errors}', async () => {
    const r = await runCli(['markings', 'check', '(TS//SI//NF)', '--output', 'json']);
    expect(r.code).toBe(0);
    const out = parseJsonOutput<{ valid: boolean; normalised: string; errors: Issue[]; marking: { level: string; sci: string[] } }>(r);
    expect(out).toMatchObject({ valid: true, normalised: '(TS//SI//NF)', errors: [], marking: { level: 'TS', sci: ['SI'] } });
  });

  it('an invalid marking: exit 1, the errors with codes and positions, and the normalised form', async () => {
    const r = await runCli(['markings', 'check', 'SECRET//NOFORN//SI', '--output', 'json']);
    expect(r.code).toBe(1);
    const out = parseJsonOutput<{ valid: boolean; normalised: string; errors: Issue[] }>(r);
    expect(out.valid).toBe(false);
    expect(out.normalised).toBe('SECRET//SI//NOFORN');
    expect(out.errors).toEqual([expect.objectContaining({ code: 'E_CAT_ORDER', position: 16 })]);
  });

  it('OCR noise: corrections listed; --lenient makes them warnings (exit 0)', async () => {
    const strict = parseJsonOutput<{ valid: boolean; normalised: string; corrections: Array<{ code: string }> }>(await runCli(['markings', 'check', 'T0P SECRET // N0FORN', '--output', 'json']));
    expect(strict).toMatchObject({ valid: false, normalised: 'TOP SECRET//NOFORN' });
    expect(strict.corrections.map((c) => c.code).sort()).toEqual(['E_OCR', 'E_OCR', 'E_SEP_SPACE']);
    const lenient = await runCli(['markings', 'check', 'T0P SECRET // N0FORN', '--lenient', '--output', 'json']);
    expect(lenient.code).toBe(0);
    expect(parseJsonOutput<{ warnings: Issue[] }>(lenient).warnings).toHaveLength(3);
  });

  it('a file: checks each marking and the banner against the roll-up', async () => {
    const good = await runCli(['markings', 'check', path.join(dir, 'good.txt'), '--output', 'json']);
    expect(good.code).toBe(0);
    expect(parseJsonOutput(good)).toMatchObject({ valid: true, normalised: 'SECRET//NOFORN', banner: 'SECRET//NOFORN', rollup: 'SECRET//NOFORN', errors: [] });

    const spill = await runCli(['markings', 'check', path.join(dir, 'spill.txt'), '--output', 'json']);
    expect(spill.code).toBe(1);
    const out = parseJsonOutput<{ valid: boolean; normalised: string; errors: Issue[]; markings: unknown[] }>(spill);
    expect(out.normalised).toBe('TOP SECRET//SI//NOFORN');
    expect(out.markings).toHaveLength(4);
    expect(out.errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['E_ROLLUP_UNDER', 1, 1],
      ['E_SEP', 4, 3],
    ]);
  });

  it('text output is readable', async () => {
    const r = await runCli(['markings', 'check', '(S/NF)']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('invalid: (S/NF) → (S//NF)');
    expect(r.stdout).toContain('error E_SEP at 2');
  });

  it('bad usage exits 2: no argument, a missing file, an empty marking', async () => {
    expect((await runCli(['markings', 'check'])).code).toBe(2);
    const missing = await runCli(['markings', 'check', path.join(dir, 'nope.txt'), '--output', 'json']);
    expect(missing.code).toBe(2);
    expect(parseJsonOutput<{ error: { code: string } }>(missing).error.code).toBe('NOT_FOUND');
    expect((await runCli(['markings', 'check', ' '])).code).toBe(2);
  });
});

describe('assay markings rollup', () => {
  it('rolls portions up to {banner}: exit 0', async () => {
    const r = await runCli(['markings', 'rollup', '(U)', '(S//NF)', '(C//REL TO USA, FVEY)', '--output', 'json']);
    expect(r.code).toBe(0);
    expect(parseJsonOutput(r)).toMatchObject({ banner: 'SECRET//NOFORN' });
    const rel = await runCli(['markings', 'rollup', '(S//REL TO USA, FVEY)', '(S//REL TO USA, GBR, JPN)', '--output', 'json']);
    expect(parseJsonOutput(rel)).toMatchObject({ banner: 'SECRET//REL TO USA, GBR' });
  });

  it('resolves (S//REL) with --banner; unreadable portions exit 1; a bad --banner exits 2', async () => {
    const r = await runCli(['markings', 'rollup', '(S//REL)', '(C//REL)', '--banner', 'SECRET//REL TO USA, AUS', '--output', 'json']);
    expect(parseJsonOutput(r)).toMatchObject({ banner: 'SECRET//REL TO USA, AUS' });
    const bad = await runCli(['markings', 'rollup', '(S//NF)', 'gibberish', '--output', 'json']);
    expect(bad.code).toBe(1);
    expect(parseJsonOutput<{ banner: string; errors: Issue[] }>(bad)).toMatchObject({ banner: 'SECRET//NOFORN', errors: [expect.objectContaining({ code: 'E_LEVEL' })] });
    expect((await runCli(['markings', 'rollup', '(S)', '--banner', 'gibberish'])).code).toBe(2);
    expect((await runCli(['markings', 'rollup'])).code).toBe(2);
  });
});
