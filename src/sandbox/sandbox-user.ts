/** The users sandboxed code runs as, and the environment it sees. */

/** nobody/nogroup on Debian and most distributions. */
export const SANDBOX_UID = 65534;

/** Unsandboxed runs under root take a fresh uid from here: above the ranges distributions and systemd hand out, below 2^31. */
const UNSANDBOXED_UID_BASE = 2_000_000_000;
const UNSANDBOXED_UID_SPAN = 1_000_000;
let nextUid = Math.floor(Math.random() * UNSANDBOXED_UID_SPAN);

const isRoot = (): boolean => process.getuid?.() === 0;

/**
 * `{ uid, gid }` of nobody when Assay runs as root, else undefined (bubblewrap runs as the current user).
 * Why: the kernel never applies RLIMIT_NPROC to root's processes, even inside a user namespace, so a fork
 * bomb run as root would go unchecked. Inside its own user namespace each sandbox's count is its own.
 */
export function sandboxUser(): { uid: number; gid: number } | undefined {
  return isRoot() ? { uid: SANDBOX_UID, gid: SANDBOX_UID } : undefined;
}

/**
 * For an unsandboxed run under root: a uid no other process has, so RLIMIT_NPROC (counted per user on the
 * host) counts this run alone and the run cannot signal or read anything of another. Undefined when not root.
 */
export function unsandboxedUser(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const uid = UNSANDBOXED_UID_BASE + (nextUid++ % UNSANDBOXED_UID_SPAN);
  return { uid, gid: uid };
}

/** The environment a sandboxed program sees: nothing of Assay's (no API keys, no database URLs). */
export function sandboxEnv(home: string): Record<string, string> {
  return { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: home, TMPDIR: home === '/work' ? '/tmp' : home, LANG: 'C.UTF-8', PYTHONIOENCODING: 'utf-8' };
}
