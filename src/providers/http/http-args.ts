/** `-M` arguments of the templated http provider, and the headers they add up to. */
import { z } from 'zod';
import { AssayError } from '../../errors/index.js';
import { readApiKey } from '../shared/api-key.js';
import { envNameArg, httpUrlArg, jsonStringMapArg, positiveIntArg } from '../shared/provider-args.js';

const HTTP_METHODS = ['POST', 'PUT', 'PATCH', 'GET'] as const;

/** `-M` arguments of `http/<name>`. */
export const HttpArgsSchema = z
  .object({
    url: httpUrlArg,
    method: z
      .string()
      .transform((s) => s.toUpperCase())
      .pipe(z.enum(HTTP_METHODS))
      .default('POST'),
    /** JSON text with `{{prompt}}`, `{{messages_json}}`, `{{model}}`, `{{temperature}}`, `{{max_tokens}}`. */
    body_template: z.string().min(1).default('{"prompt": {{prompt}}}'),
    /** Dotted path to the answer text, e.g. `choices.0.message.content`. */
    response_path: z.string().min(1),
    usage_input_path: z.string().min(1).optional(),
    usage_output_path: z.string().min(1).optional(),
    /** Extra headers as a JSON object text. */
    headers: jsonStringMapArg.optional(),
    /** Environment variable holding the key used in `auth_header`. */
    api_key_env: envNameArg.optional(),
    /** `Header-Name: value`, where `{{key}}` stands for the key (default `Authorization: Bearer {{key}}`). */
    auth_header: z
      .string()
      .regex(/^[A-Za-z0-9-]+:.*$/, 'expected "Header-Name: value", e.g. "Authorization: Bearer {{key}}"')
      .optional(),
    timeout_ms: positiveIntArg.default(120_000),
  })
  .strict();
export type HttpArgs = z.output<typeof HttpArgsSchema>;

/** The headers every request carries, and the key (if any) so it can be scrubbed from errors. */
export function buildHttpHeaders(args: HttpArgs): { headers: Record<string, string>; key?: string; keyEnv?: string } {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', ...args.headers };
  const template = args.auth_header ?? (args.api_key_env ? 'Authorization: Bearer {{key}}' : undefined);
  if (!template) return { headers };
  const colon = template.indexOf(':');
  const name = template.slice(0, colon).trim();
  const valueTemplate = template.slice(colon + 1).trim();
  if (!valueTemplate.includes('{{key}}')) return { headers: { ...headers, [name]: valueTemplate } };
  if (!args.api_key_env) {
    throw new AssayError('CONFIG_INVALID', '-M auth_header uses {{key}} but no -M api_key_env names where the key is.', {
      hint: 'Add -M api_key_env=NAME, with the key exported in the environment variable NAME.',
    });
  }
  const key = readApiKey({ envName: args.api_key_env, defaultEnv: args.api_key_env, fallback: '' });
  return { headers: { ...headers, [name]: valueTemplate.split('{{key}}').join(key.value) }, key: key.value, keyEnv: key.envName };
}

const SENSITIVE_HEADER = /auth|key|token|secret|cookie|password|signature/i;

/** Extra headers that may change answers, without any that may carry a credential (for the cache key). */
export function publicHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !SENSITIVE_HEADER.test(name)).sort(([a], [b]) => a.localeCompare(b)));
}
