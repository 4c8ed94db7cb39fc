/** How the CLI speaks: one JSON object on stdout with `--output json`, human text otherwise; logs to stderr. */
import { AssayError, formatLocation, toAssayError } from '../errors/index.js';

export type OutputMode = 'text' | 'json';

export interface Io {
  mode: OutputMode;
  /** Progress and notices: always stderr. */
  log(message: string): void;
  /** The command's result. */
  result(json: unknown, text: () => string): void;
}

export function createIo(mode: OutputMode): Io {
  return {
    mode,
    log: (message) => process.stderr.write(`${message}\n`),
    result: (json, text) => process.stdout.write(mode === 'json' ? `${JSON.stringify(json, null, 2)}\n` : `${text()}\n`),
  };
}

/** Prints an error without a stack trace and returns its exit code. */
export function reportError(err: unknown, mode: OutputMode): 2 | 3 {
  const e = toAssayError(err);
  if (mode === 'json') {
    process.stdout.write(`${JSON.stringify({ error: e.toJSON() }, null, 2)}\n`);
  }
  const where = formatLocation(e.where);
  process.stderr.write(`error [${e.code}]${where ? ` ${where}` : ''}: ${e.message}\n`);
  if (e.hint) process.stderr.write(`  hint: ${e.hint}\n`);
  if (e.code === 'INTERNAL' && process.env.ASSAY_DEBUG && e.cause instanceof Error) process.stderr.write(`${e.cause.stack}\n`);
  return e.exitCode;
}

/** Thrown by a command to end with exit code 1 (the work ran but failed its own gate). */
export class GateFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GateFailure';
  }
}

export function usage(message: string, hint?: string): AssayError {
  return new AssayError('USAGE', message, { hint });
}

/** Formats a metric as `0.750 ± 0.043 [0.650, 0.830] (n=100)`. */
export function formatMetric(m: { value: number | null; stderr: number | null; ci: [number, number] | null; n: number }): string {
  const f = (x: number) => x.toFixed(3);
  if (m.value === null || Number.isNaN(m.value)) return `— (n=${m.n})`;
  return `${f(m.value)}${m.stderr === null ? '' : ` ± ${f(m.stderr)}`}${m.ci ? ` [${f(m.ci[0])}, ${f(m.ci[1])}]` : ''} (n=${m.n})`;
}
