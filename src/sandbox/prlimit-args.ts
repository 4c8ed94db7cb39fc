/** The `prlimit` prefix that puts a run's resource limits on the interpreter before it starts. */
import type { SandboxLanguage, SandboxLimits } from './sandbox.js';

const MB = 1024 * 1024;

/**
 * `--cpu` gets one second of hard headroom so the soft limit's SIGXCPU (recognisable) comes before SIGKILL.
 * Memory is RLIMIT_DATA (private writable memory) for both languages: V8 reserves gigabytes of address
 * space it never touches, so RLIMIT_AS would stop node from starting; Python gets RLIMIT_AS as well.
 * `nproc: false` leaves RLIMIT_NPROC alone: for a run on the host as an ordinary user it would count all of
 * that user's processes and threads, not the run's.
 * @example prlimitArgs(DEFAULT_SANDBOX_LIMITS, 'python') // ['--cpu=10:11', '--data=…', '--as=…', …]
 */
export function prlimitArgs(limits: SandboxLimits, language: SandboxLanguage, options: { nproc?: boolean } = {}): string[] {
  const cpu = Math.max(1, Math.ceil(limits.cpuSeconds));
  const bytes = Math.max(1, Math.floor(limits.memoryMb)) * MB;
  return [
    `--cpu=${cpu}:${cpu + 1}`,
    `--data=${bytes}`,
    ...(language === 'python' ? [`--as=${bytes}`] : []),
    ...(options.nproc === false ? [] : [`--nproc=${Math.max(1, Math.floor(limits.maxProcesses))}`]),
    `--fsize=${bytes}`,
    '--core=0',
    '--nofile=256',
  ];
}
