/** No isolation: the program runs on the host in a temporary directory with rlimits only. For machines without bubblewrap, by explicit choice. */
import { chown, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AssayError } from '../../errors/index.js';
import { checkInterpreter } from '../check-interpreter.js';
import { findProgram } from '../find-program.js';
import { resolveInterpreter } from '../interpreters.js';
import { killReason } from '../kill-reason.js';
import { prlimitArgs } from '../prlimit-args.js';
import type { Sandbox, SandboxLanguage, SandboxRequest, SandboxResult } from '../sandbox.js';
import { sandboxEnv, unsandboxedUser } from '../sandbox-user.js';
import { spawnLimited } from '../spawn-limited.js';

/** What every result of this sandbox carries. */
export const UNSANDBOXED_WARNING =
  'UNSANDBOXED: model-written code ran directly on this machine with only resource limits: it could read files, reach the network and leave processes behind. Install bubblewrap to isolate it.';

/** Runs programs on the host under prlimit, in their own process group, killed as a group at the limits. */
export class UnsandboxedSandbox implements Sandbox {
  readonly kind = 'none' as const;
  readonly warning: string;
  private readonly checked = new Map<SandboxLanguage, Promise<void>>();

  /** `why` says why there is no sandbox (bubblewrap missing or not working); it goes into the warning. */
  constructor(why?: string) {
    const notes = [why, process.getuid?.() === 0 ? undefined : 'the process limit is not enforced: Assay is not running as root'].filter(Boolean);
    this.warning = notes.length > 0 ? `${UNSANDBOXED_WARNING} (${notes.join('; ')})` : UNSANDBOXED_WARNING;
  }

  async run(request: SandboxRequest, options: { signal?: AbortSignal } = {}): Promise<SandboxResult> {
    // The check is shared by concurrent runs, so one caller's abort must not fail it for the others.
    await checkInterpreter(this.checked, request.language, (r) => this.exec(r, undefined));
    return this.exec(request, options.signal);
  }

  private async exec(request: SandboxRequest, signal: AbortSignal | undefined): Promise<SandboxResult> {
    const prlimit = findProgram('prlimit');
    if (!prlimit) {
      throw new AssayError('CONFIG_INVALID', 'prlimit was not found; even unsandboxed runs need it to set resource limits.', {
        hint: 'Install util-linux (Debian/Ubuntu: apt-get install util-linux).',
      });
    }
    const interpreter = resolveInterpreter(request.language);
    const user = unsandboxedUser();
    const dir = await mkdtemp(path.join(tmpdir(), 'assay-unsandboxed-'));
    try {
      await writeFiles(dir, request.files, user);
      const end = await spawnLimited({
        file: prlimit,
        args: [...prlimitArgs(request.limits, request.language, { nproc: user !== undefined }), '--', interpreter.command, ...interpreter.flags, ...request.command],
        env: sandboxEnv(dir),
        cwd: dir,
        user,
        stdin: request.stdin,
        wallSeconds: request.limits.wallSeconds,
        maxOutputBytes: request.limits.maxOutputBytes,
        signal,
      });
      const result: SandboxResult = { exitCode: end.exitCode, signal: end.signal, stdout: end.stdout, stderr: end.stderr, timedOut: end.timedOut, durationMs: end.durationMs };
      const reason = killReason(end);
      if (reason) result.killedReason = reason;
      return result;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

async function writeFiles(dir: string, files: Record<string, string>, user: { uid: number; gid: number } | undefined): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const file = path.resolve(dir, name);
    if (!file.startsWith(dir + path.sep)) {
      throw new AssayError('CONFIG_INVALID', `Sandbox file name "${name}" must be a relative path inside the work directory.`, { hint: 'Use names like "main.py".' });
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text);
  }
  if (!user) return;
  // The run's own user owns its work directory and everything in it, as in the sandbox's /work.
  await chown(dir, user.uid, user.gid);
  for (const entry of await readdir(dir, { recursive: true })) await chown(path.join(dir, entry), user.uid, user.gid);
}
