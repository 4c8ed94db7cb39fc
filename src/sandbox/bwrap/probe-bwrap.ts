/** Checks, once per binary, that bubblewrap can build our sandbox here, and which of its options it has. */
import { spawnSync } from 'node:child_process';
import { findProgram } from '../find-program.js';
import { sandboxUser } from '../sandbox-user.js';
import { bwrapArgs, type BwrapFeatures } from './bwrap-args.js';

/** A bubblewrap that works, with its optional features. */
export interface BwrapInfo {
  path: string;
  features: BwrapFeatures;
  /** prlimit on the host, under /usr so the sandbox sees it at the same path. */
  prlimit: string;
}

/** A failed probe says what went wrong and, in `hint`, what to change (without the unsandboxed way out). */
export type BwrapProbe = { ok: true; info: BwrapInfo } | { ok: false; reason: string; hint: string };

const NAMESPACE_HINT =
  'Run Assay where user namespaces are allowed (sysctl kernel.unprivileged_userns_clone=1 or user.max_user_namespaces > 0; on Ubuntu 24.04 the AppArmor rule for bwrap; in a container, root with CAP_SYS_ADMIN).';

const probes = new Map<string, BwrapProbe>();

/**
 * Runs `bwrap <our flags> prlimit --version` as the user sandboxed code will run as. Namespaces may be
 * forbidden (unprivileged user namespaces off, a container without CAP_SYS_ADMIN, an AppArmor rule), so
 * `bwrap` being installed is not enough.
 */
export function probeBwrap(bwrapPath: string): BwrapProbe {
  let probe = probes.get(bwrapPath);
  if (!probe) {
    probe = runProbe(bwrapPath);
    probes.set(bwrapPath, probe);
  }
  return probe;
}

function runProbe(bwrapPath: string): BwrapProbe {
  const prlimit = findProgram('prlimit');
  if (!prlimit || !prlimit.startsWith('/usr/')) {
    return {
      ok: false,
      reason: `prlimit (util-linux) was not found under /usr${prlimit ? ` (found ${prlimit})` : ''}; the sandbox sets its resource limits with it`,
      hint: 'Install util-linux (Debian/Ubuntu: apt-get install util-linux).',
    };
  }
  const help = spawnSync(bwrapPath, ['--help'], { encoding: 'utf8', timeout: 10_000 });
  if (help.error || help.status !== 0) {
    return { ok: false, reason: `\`${bwrapPath} --help\` failed: ${help.error?.message ?? help.stderr.trim()}`, hint: 'Reinstall bubblewrap, or point ASSAY_BWRAP at a working bwrap.' };
  }
  const features: BwrapFeatures = { size: help.stdout.includes('--size'), disableUserns: help.stdout.includes('--disable-userns') };
  const user = sandboxUser();
  const args = bwrapArgs({ features, files: [], mounts: [], tmpfsBytes: 1 << 20 });
  const run = spawnSync(bwrapPath, [...args, prlimit, '--version'], { encoding: 'utf8', timeout: 10_000, uid: user?.uid, gid: user?.gid, env: {} });
  if (run.error || run.status !== 0) {
    return { ok: false, reason: `bubblewrap cannot create a sandbox here: ${run.error?.message ?? (run.stderr.trim() || `exit ${run.status}`)}`, hint: NAMESPACE_HINT };
  }
  return { ok: true, info: { path: bwrapPath, features, prlimit } };
}
