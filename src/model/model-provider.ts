/** The seam every model sits behind: one method to generate, one to let go of resources. */
import type { CallOptions, GenerateRequest, ModelOutput } from './types.js';

/**
 * A model Assay can call. Implementations throw `AssayError` with code `MODEL_UNREACHABLE`,
 * `MODEL_BAD_RESPONSE`, `MODEL_TIMEOUT` or `ABORTED`, and never put credentials in a message.
 *
 * @example
 * const out = await provider.generate({ messages: [{ role: 'user', content: 'hi' }], config: {} });
 */
export interface ModelProvider {
  /** `<provider>/<model>`, as the user wrote it; safe to log (no secrets). */
  readonly id: string;
  /** Non-secret settings that change answers (base URL, template name…); part of the cache key. */
  readonly cacheIdentity: Record<string, unknown>;
  generate(request: GenerateRequest, options?: CallOptions): Promise<ModelOutput>;
  close?(): Promise<void>;
}
