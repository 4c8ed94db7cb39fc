/** The bubblewrap command line: every namespace unshared, the host's /usr read-only, a fresh tmpfs to work in. */
import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { AssayError } from '../../errors/index.js';
import { SANDBOX_UID } from '../sandbox-user.js';

/** Options a bubblewrap build may lack (0.8 has both; Debian 11's 0.4 has neither). */
export interface BwrapFeatures {
  size: boolean;
  disableUserns: boolean;
}

export interface BwrapArgsInput {
  features: BwrapFeatures;
  /** Relative paths of the files to create in /work, read in order from fds 3, 4, …. */
  files: readonly string[];
  /** Extra host paths to mount read-only at the same place (an interpreter outside /usr). */
  mounts: readonly string[];
  /** Size of each tmpfs (/work and /tmp), where the build supports it. */
  tmpfsBytes: number;
}

/** The sandbox's current directory and HOME. */
export const WORK_DIR = '/work';

/** Host files outside /usr that the dynamic loader and Debian's alternatives may consult; all optional. */
const ETC_FILES = ['/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d', '/etc/alternatives'];
const ROOT_LINKS = ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32'];

/**
 * Arguments up to (not including) the command. Nothing of the host is visible but /usr, the top-level
 * library links, the few /etc files above and `mounts`, all read-only.
 */
export function bwrapArgs(input: BwrapArgsInput): string[] {
  const size = (): string[] => (input.features.size ? ['--size', String(input.tmpfsBytes)] : []);
  const args = [
    '--unshare-user', '--uid', String(SANDBOX_UID), '--gid', String(SANDBOX_UID),
    '--unshare-net', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try',
    '--hostname', 'sandbox',
    '--die-with-parent', '--new-session', '--cap-drop', 'ALL',
    ...(input.features.disableUserns ? ['--disable-userns'] : []),
    '--ro-bind', '/usr', '/usr',
    ...rootLayout(),
    ...ETC_FILES.flatMap((f) => ['--ro-bind-try', f, f]),
    ...input.mounts.flatMap((m) => ['--ro-bind', m, m]),
    '--proc', '/proc',
    '--dev', '/dev',
    ...size(), '--tmpfs', '/tmp',
    ...size(), '--tmpfs', WORK_DIR,
  ];
  const names = input.files.map(checkFileName);
  for (const dir of parentDirs(names)) args.push('--dir', path.posix.join(WORK_DIR, dir));
  names.forEach((name, i) => args.push('--file', String(3 + i), path.posix.join(WORK_DIR, name)));
  args.push('--chdir', WORK_DIR, '--');
  return args;
}

let layout: string[] | undefined;

/** /bin, /lib, /lib64…: symlinks into /usr on merged-/usr systems, directories on older ones. */
function rootLayout(): string[] {
  layout ??= ROOT_LINKS.flatMap((name) => {
    const host = `/${name}`;
    try {
      const stat = lstatSync(host);
      if (stat.isSymbolicLink()) return ['--symlink', readlinkSync(host), host];
      if (stat.isDirectory()) return ['--ro-bind', host, host];
    } catch {
      // not on this system
    }
    return [];
  });
  return layout;
}

/** A file name must stay inside the work directory. */
function checkFileName(name: string): string {
  const norm = path.posix.normalize(name);
  if (name === '' || path.posix.isAbsolute(name) || norm === '..' || norm.startsWith('../') || norm === '.') {
    throw new AssayError('CONFIG_INVALID', `Sandbox file name "${name}" must be a relative path inside the work directory.`, {
      hint: 'Use names like "main.py" or "pkg/util.py".',
    });
  }
  return norm;
}

function parentDirs(names: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const name of names) {
    for (let d = path.posix.dirname(name); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  }
  return [...dirs].sort((a, b) => a.length - b.length);
}
