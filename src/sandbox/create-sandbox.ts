/** Picks the sandbox: bubblewrap when it works here; otherwise a refusal, or, only if the user allows it, no sandbox. */
import { AssayError } from '../errors/index.js';
import { probeBwrap } from './bwrap/probe-bwrap.js';
import { BwrapSandbox } from './bwrap/bwrap-sandbox.js';
import { findProgram, isExecutable } from './find-program.js';
import type { Sandbox } from './sandbox.js';
import { UnsandboxedSandbox } from './unsandboxed/unsandboxed-sandbox.js';

export interface CreateSandboxOptions {
  /** Run code on the host (rlimits only, with a warning on every result) when bubblewrap is missing or broken. */
  allowUnsandboxed?: boolean;
  /** The bwrap binary; default ASSAY_BWRAP, else `bwrap` on PATH. */
  bwrapPath?: string;
}

const UNSANDBOXED_HINT = 'Only on a machine where running untrusted code does not matter: set `unsandboxed: true` on the code_exec scorer to run it without isolation.';
const INSTALL_HINT = `Install bubblewrap (Debian/Ubuntu: apt-get install bubblewrap; Fedora/RHEL: dnf install bubblewrap). ${UNSANDBOXED_HINT}`;

/**
 * A working sandbox, checked now (bubblewrap is probed once per process). Throws CONFIG_INVALID when
 * bubblewrap is missing or cannot create namespaces here, unless `allowUnsandboxed`.
 * @example const sandbox = createSandbox(); await sandbox.run({ language: 'python', … })
 */
export function createSandbox(options: CreateSandboxOptions = {}): Sandbox {
  const bwrap = options.bwrapPath ?? (process.env['ASSAY_BWRAP'] || findProgram('bwrap'));
  if (!bwrap || !isExecutable(bwrap)) {
    if (options.allowUnsandboxed) return new UnsandboxedSandbox('bubblewrap is not installed');
    throw new AssayError('CONFIG_INVALID', `bubblewrap (bwrap) is not installed${bwrap ? ` at ${bwrap}` : ''}; Assay runs model-written code only inside it.`, { hint: INSTALL_HINT });
  }
  const probe = probeBwrap(bwrap);
  if (probe.ok) return new BwrapSandbox(probe.info);
  if (options.allowUnsandboxed) return new UnsandboxedSandbox(probe.reason);
  throw new AssayError('CONFIG_INVALID', `${probe.reason}.`, { hint: `${probe.hint} ${UNSANDBOXED_HINT}` });
}
