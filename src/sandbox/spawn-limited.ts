/** Spawns one process tree under a wall-clock timer and an output cap; kills the whole group at either. */
import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { AssayError } from '../errors/index.js';

export interface LimitedSpawnOptions {
  file: string;
  args: readonly string[];
  env: Record<string, string>;
  cwd?: string;
  /** Run as this user (only when Assay runs as root). */
  user?: { uid: number; gid: number };
  stdin?: string;
  /** Written to file descriptors 3, 4, … (bubblewrap's `--file FD DEST` reads them). */
  extraInputs?: readonly string[];
  wallSeconds: number;
  maxOutputBytes: number;
  signal?: AbortSignal;
}

/** How the process ended, before any interpretation. */
export interface LimitedExit {
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  outputExceeded: boolean;
  durationMs: number;
}

/** Once the main process has exited, how long to wait for stray holders of its pipes before giving up on them. */
const CLOSE_GRACE_MS = 2000;

/** Process groups still running; killed if Assay exits first (the groups are detached, so nothing else would). */
const liveGroups = new Set<number>();
let exitHooked = false;

function track(pgid: number): void {
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', () => {
      for (const group of liveGroups) killGroupOf(group);
    });
  }
  liveGroups.add(pgid);
}

function killGroupOf(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Runs `file args` in a new process group; SIGKILLs the group at the wall limit, at the output cap, on abort
 * and once the main process exits (so nothing it started lingers). Rejects with ABORTED on abort.
 */
export function spawnLimited(options: LimitedSpawnOptions): Promise<LimitedExit> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(aborted());
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const extra = options.extraInputs ?? [];
    const child = spawn(options.file, options.args, {
      env: options.env,
      cwd: options.cwd,
      uid: options.user?.uid,
      gid: options.user?.gid,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', ...extra.map(() => 'pipe' as const)],
    });
    if (child.pid !== undefined) track(child.pid);
    const out = { stdout: [] as Buffer[], stderr: [] as Buffer[], bytes: 0 };
    let timedOut = false;
    let outputExceeded = false;
    let wasAborted = false;
    let exit: { code: number | null; signal: string | null } | undefined;
    let settled = false;
    let graceTimer: NodeJS.Timeout | undefined;

    const killGroup = (): void => {
      if (child.pid !== undefined) killGroupOf(child.pid);
    };
    const wallTimer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, options.wallSeconds * 1000);
    const onAbort = (): void => {
      wasAborted = true;
      killGroup();
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    const collect = (which: 'stdout' | 'stderr') => (chunk: Buffer) => {
      const room = options.maxOutputBytes - out.bytes;
      if (room <= 0) return;
      const kept = chunk.length > room ? chunk.subarray(0, room) : chunk;
      out[which].push(kept);
      out.bytes += kept.length;
      if (chunk.length > room) {
        outputExceeded = true;
        killGroup();
      }
    };
    child.stdout!.on('data', collect('stdout'));
    child.stderr!.on('data', collect('stderr'));

    const finish = (): void => {
      if (settled) return;
      settled = true;
      if (child.pid !== undefined) liveGroups.delete(child.pid);
      clearTimeout(wallTimer);
      clearTimeout(graceTimer);
      signal?.removeEventListener('abort', onAbort);
      if (wasAborted) return reject(aborted());
      resolve({
        exitCode: exit?.code ?? null,
        signal: exit?.signal ?? null,
        stdout: Buffer.concat(out.stdout).toString('utf8'),
        stderr: Buffer.concat(out.stderr).toString('utf8'),
        timedOut,
        outputExceeded,
        durationMs: Math.round(performance.now() - started),
      });
    };
    child.on('error', (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(wallTimer);
      signal?.removeEventListener('abort', onAbort);
      reject(
        new AssayError('CONFIG_INVALID', `Cannot start ${options.file}: ${err.message}`, {
          cause: err,
          hint: 'Check that the program is installed and executable.',
        }),
      );
    });
    child.on('exit', (code, sig) => {
      exit = { code, signal: sig };
      killGroup();
      graceTimer = setTimeout(() => {
        child.stdout!.destroy();
        child.stderr!.destroy();
        finish();
      }, CLOSE_GRACE_MS);
    });
    child.on('close', finish);

    feed(child.stdin!, options.stdin ?? '');
    extra.forEach((text, i) => feed(child.stdio[3 + i] as Writable, text));
  });
}

/** Writes all of `text` and closes; a program that exits without reading is not an error. */
function feed(stream: Writable, text: string): void {
  stream.on('error', () => {});
  stream.end(text);
}

function aborted(): AssayError {
  return new AssayError('ABORTED', 'The sandboxed run was cancelled.');
}
