/** Sandboxes for model-written code: the seam, the bubblewrap implementation and the unsandboxed fallback. */
export {
  DEFAULT_SANDBOX_LIMITS,
  KILL_REASONS,
  SANDBOX_LANGUAGES,
  isSandboxLanguage,
  type KillReason,
  type Sandbox,
  type SandboxKind,
  type SandboxLanguage,
  type SandboxLimits,
  type SandboxRequest,
  type SandboxResult,
} from './sandbox.js';
export { createSandbox, type CreateSandboxOptions } from './create-sandbox.js';
export { BwrapSandbox } from './bwrap/bwrap-sandbox.js';
export { UnsandboxedSandbox, UNSANDBOXED_WARNING } from './unsandboxed/unsandboxed-sandbox.js';
