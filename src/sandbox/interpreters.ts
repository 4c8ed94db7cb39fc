/** Finds each language's interpreter on the host and what must be mounted for it to start inside a sandbox. */
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { AssayError } from '../errors/index.js';
import { findProgram } from './find-program.js';
import type { SandboxLanguage } from './sandbox.js';

export interface Interpreter {
  /** Absolute, symlink-free path of the binary. */
  command: string;
  /** Flags put before the request's command. */
  flags: string[];
  /** Host paths outside /usr the interpreter needs, mounted read-only at the same place. */
  mounts: string[];
}

/** System paths come first: they are readable by every user and live under /usr, which is mounted anyway. */
const PYTHON_CANDIDATES = ['/usr/bin/python3', '/usr/local/bin/python3'];

const cache = new Map<SandboxLanguage, Interpreter>();

/**
 * The interpreter for `language`: python3 (ASSAY_SANDBOX_PYTHON, else the system one, else the first on PATH)
 * or the node running Assay. Throws CONFIG_INVALID when there is none.
 */
export function resolveInterpreter(language: SandboxLanguage): Interpreter {
  let found = cache.get(language);
  if (!found) {
    found = language === 'python' ? resolvePython() : resolveNode();
    cache.set(language, found);
  }
  return found;
}

function underUsr(p: string): boolean {
  return p === '/usr' || p.startsWith('/usr/');
}

function resolveNode(): Interpreter {
  const command = realpathSync(process.execPath);
  return { command, flags: [], mounts: underUsr(command) ? [] : [command] };
}

function resolvePython(): Interpreter {
  const override = process.env['ASSAY_SANDBOX_PYTHON'];
  const candidate = override || PYTHON_CANDIDATES.find((p) => existsSync(p)) || findProgram('python3');
  if (!candidate || !existsSync(candidate)) {
    throw new AssayError('CONFIG_INVALID', `No Python interpreter found to run python code${override ? ` (ASSAY_SANDBOX_PYTHON=${override} does not exist)` : ''}.`, {
      hint: 'Install python3 (Debian/Ubuntu: apt-get install python3-minimal) or set ASSAY_SANDBOX_PYTHON to its path.',
    });
  }
  // Ask the interpreter itself: a pyenv shim or a venv resolves to the real binary and its installation prefix.
  let lines: string[];
  try {
    lines = execFileSync(candidate, ['-c', 'import sys; print(sys.executable); print(sys.base_prefix)'], { encoding: 'utf8', timeout: 10_000 }).trim().split('\n');
  } catch (err) {
    throw new AssayError('CONFIG_INVALID', `The Python interpreter ${candidate} does not run: ${(err as Error).message}`, {
      cause: err,
      hint: 'Set ASSAY_SANDBOX_PYTHON to a working python3.',
    });
  }
  const command = realpathSync(lines[0] || candidate);
  const prefix = lines[1] ? realpathSync(lines[1]) : '';
  const mounts: string[] = [];
  if (prefix !== '' && !underUsr(prefix)) mounts.push(prefix);
  if (!underUsr(command) && !(prefix !== '' && command.startsWith(prefix + path.sep))) mounts.push(command);
  return { command, flags: ['-B'], mounts };
}
