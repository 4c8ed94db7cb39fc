/** Zod pieces for `-M key=value` arguments, which always arrive as strings. */
import { z } from 'zod';

/** A whole number written as text, e.g. `-M timeout_ms=30000`. */
export const intArg = z
  .string()
  .regex(/^-?\d+$/, 'expected a whole number')
  .transform((s) => Number(s));

/** A non-negative whole number written as text. */
export const countArg = z
  .string()
  .regex(/^\d+$/, 'expected a whole number >= 0')
  .transform((s) => Number(s));

/** A positive whole number written as text. */
export const positiveIntArg = countArg.refine((n) => n > 0, 'expected a whole number > 0');

/** An http(s) URL. */
export const httpUrlArg = z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// URL' });

/** The name of an environment variable (never its value). */
export const envNameArg = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected an environment variable name such as MY_API_KEY');

/** A JSON object of string values written as text, e.g. `-M headers={"X-Team":"qa"}`. */
export const jsonStringMapArg = z.string().transform((text, ctx): Record<string, string> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a JSON object such as {"X-Team":"qa"}' });
    return z.NEVER;
  }
  const parsed = z.record(z.string(), z.string()).safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: 'custom', message: 'expected a JSON object whose values are strings' });
    return z.NEVER;
  }
  return parsed.data;
});
