/** Reads an API key from the environment variable the user named; the key itself never leaves this value. */
import { AssayError } from '../../errors/index.js';

/** A key read from the environment, or a stand-in for servers that need none. */
export interface ApiKey {
  /** The secret (or the stand-in); only ever sent to the server. */
  value: string;
  /** The environment variable it came from, safe to show. */
  envName: string;
  /** True when the variable was unset and the stand-in is used. */
  missing: boolean;
}

/**
 * Reads `process.env[envName ?? defaultEnv]`. When the user named a variable explicitly and it is unset, that is
 * a configuration mistake (CONFIG_INVALID); when only the default is unset, `fallback` is used (local servers).
 */
export function readApiKey(args: { envName?: string; defaultEnv: string; fallback: string }): ApiKey {
  const envName = args.envName ?? args.defaultEnv;
  const value = process.env[envName];
  if (value) return { value, envName, missing: false };
  if (args.envName !== undefined) {
    throw new AssayError('CONFIG_INVALID', `The environment variable ${envName} (from -M api_key_env) is not set.`, {
      hint: `Export ${envName} with the API key, or leave out -M api_key_env for a server that needs no key.`,
    });
  }
  return { value: args.fallback, envName, missing: true };
}
