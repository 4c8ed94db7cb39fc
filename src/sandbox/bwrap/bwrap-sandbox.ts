/** The bubblewrap sandbox: no network, a private /work on tmpfs, the host's /usr read-only, rlimits and a wall clock. */
import { constants } from 'node:os';
import { checkInterpreter } from '../check-interpreter.js';
import { resolveInterpreter } from '../interpreters.js';
import { killReason } from '../kill-reason.js';
import { prlimitArgs } from '../prlimit-args.js';
import type { Sandbox, SandboxLanguage, SandboxRequest, SandboxResult } from '../sandbox.js';
import { sandboxEnv, sandboxUser } from '../sandbox-user.js';
import { spawnLimited } from '../spawn-limited.js';
import { bwrapArgs, WORK_DIR } from './bwrap-args.js';
import type { BwrapInfo } from './probe-bwrap.js';

const MB = 1024 * 1024;

/** Runs each request in a fresh bubblewrap sandbox; build it with `createSandbox`, which probes bubblewrap first. */
export class BwrapSandbox implements Sandbox {
  readonly kind = 'bubblewrap' as const;
  private readonly checked = new Map<SandboxLanguage, Promise<void>>();

  constructor(private readonly bwrap: BwrapInfo) {}

  async run(request: SandboxRequest, options: { signal?: AbortSignal } = {}): Promise<SandboxResult> {
    // The check is shared by concurrent runs, so one caller's abort must not fail it for the others.
    await checkInterpreter(this.checked, request.language, (r) => this.exec(r, undefined));
    return this.exec(request, options.signal);
  }

  private async exec(request: SandboxRequest, signal: AbortSignal | undefined): Promise<SandboxResult> {
    const interpreter = resolveInterpreter(request.language);
    const names = Object.keys(request.files);
    const args = [
      ...bwrapArgs({ features: this.bwrap.features, files: names, mounts: interpreter.mounts, tmpfsBytes: Math.floor(request.limits.memoryMb) * MB }),
      this.bwrap.prlimit,
      ...prlimitArgs(request.limits, request.language),
      '--',
      interpreter.command,
      ...interpreter.flags,
      ...request.command,
    ];
    const end = await spawnLimited({
      file: this.bwrap.path,
      args,
      env: sandboxEnv(WORK_DIR),
      user: sandboxUser(),
      stdin: request.stdin,
      extraInputs: names.map((n) => request.files[n]!),
      wallSeconds: request.limits.wallSeconds,
      maxOutputBytes: request.limits.maxOutputBytes,
      signal,
    });
    const { exitCode, signal: sig } = decodeStatus(end.exitCode, end.signal);
    const result: SandboxResult = { exitCode, signal: sig, stdout: end.stdout, stderr: end.stderr, timedOut: end.timedOut, durationMs: end.durationMs };
    const reason = killReason({ ...end, exitCode, signal: sig });
    if (reason) result.killedReason = reason;
    return result;
  }
}

const SIGNAL_NAMES = new Map<number, string>(Object.entries(constants.signals).map(([name, n]) => [n, name]));

/** bubblewrap exits 128 + n when its command dies of signal n; report that as the signal, as node does for a direct child. */
function decodeStatus(code: number | null, signal: string | null): { exitCode: number | null; signal: string | null } {
  if (signal !== null || code === null || code <= 128) return { exitCode: code, signal };
  const name = SIGNAL_NAMES.get(code - 128);
  return name ? { exitCode: null, signal: name } : { exitCode: code, signal: null };
}
