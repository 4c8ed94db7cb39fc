/** `assay markings check|rollup`: lint a marking or a document's markings, and roll portion marks up to a banner. */
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { AssayError } from '../../errors/index.js';
import { checkDocument, parseMarking, rollup, type MarkingIssue } from '../../markings/index.js';
import { createIo, GateFailure, usage, type OutputMode } from '../output.js';

interface CheckFlags {
  output: OutputMode;
  lenient?: boolean;
}

interface RollupFlags {
  output: OutputMode;
  banner?: string;
}

type Located = MarkingIssue & { line?: number; column?: number; marking?: string };

function describeIssue(kind: 'error' | 'warning', i: Located): string {
  const where = i.line !== undefined ? ` ${i.line}:${i.column}` : i.position !== undefined ? ` at ${i.position}` : '';
  return `  ${kind} ${i.code}${where}${i.marking ? ` ${JSON.stringify(i.marking)}` : ''}: ${i.message}`;
}

const describeAll = (errors: readonly Located[], warnings: readonly Located[]) => [...errors.map((e) => describeIssue('error', e)), ...warnings.map((w) => describeIssue('warning', w))];

/** A file when it exists; an argument that looks like a file name but is missing is an error, not a marking. */
function readDocument(arg: string): string | null {
  let isFile = false;
  try {
    isFile = statSync(arg).isFile();
  } catch {
    if (/\.[A-Za-z0-9]{1,5}$/.test(arg) && !arg.includes('//')) throw new AssayError('NOT_FOUND', `file not found: ${arg}`, { hint: 'pass a marking (e.g. "SECRET//NOFORN") or the path of a text file' });
    return null;
  }
  if (!isFile) throw usage(`${arg} is not a file`, 'pass a marking or the path of a text file');
  return readFileSync(arg, 'utf8');
}

function check(arg: string, flags: CheckFlags): void {
  if (!arg.trim()) throw usage('no marking given', 'e.g. assay markings check "SECRET//NOFORN"');
  const io = createIo(flags.output);
  const doc = readDocument(arg);
  const lenient = flags.lenient ?? false;
  if (doc !== null) {
    const r = checkDocument(doc, { lenient });
    io.result(r, () =>
      [
        `${arg}: ${r.markings.length} marking(s); banner ${r.banner ?? '—'}; roll-up ${r.rollup ?? '—'}; should be ${r.normalised ?? '—'}`,
        ...describeAll(r.errors, r.warnings),
        r.valid ? 'valid' : `${r.errors.length} error(s)`,
      ].join('\n'),
    );
    if (!r.valid) throw new GateFailure(`${r.errors.length} marking error(s) in ${arg}`);
    return;
  }
  const r = parseMarking(arg, { lenient });
  const { valid, normalised, errors, warnings, corrections, form, marking } = r;
  io.result({ valid, normalised, errors, warnings, corrections, form, marking }, () =>
    [`${valid ? 'valid' : 'invalid'}: ${arg}${normalised && normalised !== arg ? ` → ${normalised}` : ''}`, ...describeAll(errors, warnings)].join('\n'),
  );
  if (!valid) throw new GateFailure(`${errors.length} marking error(s)`);
}

function rollUp(portions: string[], flags: RollupFlags): void {
  const banner = flags.banner === undefined ? null : parseMarking(flags.banner, { form: 'banner' }).marking;
  if (flags.banner !== undefined && !banner) throw usage(`--banner ${JSON.stringify(flags.banner)} is not a marking`);
  const r = rollup(portions, { banner });
  createIo(flags.output).result({ banner: r.banner, errors: r.errors, warnings: r.warnings }, () => [r.banner ?? '—', ...describeAll(r.errors, r.warnings)].join('\n'));
  if (r.errors.length) throw new GateFailure(`${r.errors.length} marking error(s)`);
}

/** Registers `assay markings check` and `assay markings rollup`. */
export function registerMarkings(program: Command): void {
  const markings = program.command('markings').description('US classification and CUI markings: check and roll up');
  markings
    .command('check')
    .description('check a marking (banner or portion) or every marking in a text file, with the banner against the roll-up')
    .argument('<marking-or-file>', 'e.g. "SECRET//NOFORN", "(S//NF)", or a .txt file')
    .option('--lenient', 'report repairs of OCR noise (case, spacing, separators) as warnings, not errors')
    .option('--output <mode>', 'text or json', 'text')
    .action((arg: string, flags: CheckFlags) => check(arg, flags));
  markings
    .command('rollup')
    .description('roll portion marks up to the banner they call for')
    .argument('<portions...>', 'e.g. "(S//NF)" "(C//REL TO USA, FVEY)"')
    .option('--banner <marking>', "the document's banner, to resolve portions written (S//REL)")
    .option('--output <mode>', 'text or json', 'text')
    .action((portions: string[], flags: RollupFlags) => rollUp(portions, flags));
}
