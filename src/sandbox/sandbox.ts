/** The Sandbox seam: runs untrusted, model-written code with no network, a private file system and hard limits. */

/** Languages a sandbox can run; each maps to one interpreter (python3, node). */
export const SANDBOX_LANGUAGES = ['python', 'javascript'] as const;
export type SandboxLanguage = (typeof SANDBOX_LANGUAGES)[number];

/** Whether `value` names a sandbox language. */
export function isSandboxLanguage(value: string): value is SandboxLanguage {
  return (SANDBOX_LANGUAGES as readonly string[]).includes(value);
}

/** Resource limits of one run; every one of them is enforced by the kernel or by the runner. */
export interface SandboxLimits {
  /** CPU seconds (RLIMIT_CPU): SIGXCPU at the limit, SIGKILL one second later. */
  cpuSeconds: number;
  /** Writable memory (RLIMIT_DATA; RLIMIT_AS too for Python), also the size of each tmpfs and the largest file. */
  memoryMb: number;
  /** Wall-clock seconds before the whole process tree is killed. */
  wallSeconds: number;
  /** Processes and threads (RLIMIT_NPROC). */
  maxProcesses: number;
  /** stdout + stderr bytes kept; the run is killed when it writes more. */
  maxOutputBytes: number;
}

/** Limits for a short test program. */
export const DEFAULT_SANDBOX_LIMITS: Readonly<SandboxLimits> = {
  cpuSeconds: 10,
  memoryMb: 512,
  wallSeconds: 10,
  maxProcesses: 64,
  maxOutputBytes: 1 << 20,
};

export interface SandboxRequest {
  language: SandboxLanguage;
  /** Files written into the fresh work directory (the current directory of the run), by relative path. */
  files: Record<string, string>;
  /** Arguments to the language's interpreter, e.g. `['main.py']` runs `python3 main.py`. */
  command: string[];
  stdin?: string;
  limits: SandboxLimits;
}

/** Why a run was stopped, as far as the runner can tell. */
export const KILL_REASONS = ['timeout', 'cpu', 'memory', 'output', 'file_size'] as const;
export type KillReason = (typeof KILL_REASONS)[number];

export interface SandboxResult {
  /** The program's exit status; null when a signal ended it. */
  exitCode: number | null;
  /** The signal that ended it (e.g. `SIGKILL`, `SIGXCPU`), else null. */
  signal: string | null;
  stdout: string;
  stderr: string;
  /** True when the wall-clock limit killed it. */
  timedOut: boolean;
  killedReason?: KillReason;
  durationMs: number;
}

/** Which isolation a sandbox gives. `none` runs on the host with rlimits only. */
export type SandboxKind = 'bubblewrap' | 'none';

export interface Sandbox {
  readonly kind: SandboxKind;
  /** Set when the isolation is weaker than it should be; callers record it with every result. */
  readonly warning?: string;
  /**
   * Runs a program to completion or to a limit. Rejects only on abort (ABORTED) or when the sandbox cannot
   * start (CONFIG_INVALID); a crash, a failed test or a limit is a result.
   * @example await sandbox.run({ language: 'python', files: { 'main.py': 'print(1)' }, command: ['main.py'], limits: DEFAULT_SANDBOX_LIMITS })
   */
  run(request: SandboxRequest, options?: { signal?: AbortSignal }): Promise<SandboxResult>;
}
