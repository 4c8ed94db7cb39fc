/** Reads why a run stopped from how it ended: our own kills first, then the signal, then the interpreter's words. */
import type { KillReason } from './sandbox.js';

const OUT_OF_MEMORY = /\bMemoryError\b|JavaScript heap out of memory|Fatal process out of memory|Array buffer allocation failed|Cannot allocate memory|std::bad_alloc/;

/** The limit that ended a run, or undefined when it ended on its own. */
export function killReason(end: { timedOut: boolean; outputExceeded: boolean; signal: string | null; stderr: string; exitCode: number | null }): KillReason | undefined {
  if (end.timedOut) return 'timeout';
  if (end.outputExceeded) return 'output';
  if (end.signal === 'SIGXCPU') return 'cpu';
  if (end.signal === 'SIGXFSZ') return 'file_size';
  if (end.exitCode !== 0 && OUT_OF_MEMORY.test(end.stderr)) return 'memory';
  return undefined;
}
