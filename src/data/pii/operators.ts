/** Redaction operators (Presidio's anonymizer operators): what replaces one PII span. */
import { createHmac } from 'node:crypto';
import { AssayError } from '../../errors/index.js';
import { encryptRedaction } from './encrypt-redaction.js';
import type { PiiResult } from './pii-types.js';

/** How to replace a span. `replace` defaults to `<TYPE>`; `hash` and `encrypt` need a salt or key from the caller. */
export type RedactionOperator =
  | { type: 'replace'; value?: string }
  | { type: 'mask'; char?: string; keepLast?: number }
  | { type: 'hash'; salt: string; length?: number }
  | { type: 'encrypt'; key: Uint8Array }
  | { type: 'remove' }
  | { type: 'keep' };

/** Operator names, a closed set. */
export const OPERATOR_TYPES = ['replace', 'mask', 'hash', 'encrypt', 'remove', 'keep'] as const satisfies readonly RedactionOperator['type'][];

/**
 * Keyed hash: HMAC-SHA-256 with the salt as key, hex, first `length` characters (default 16).
 * Stable for a given salt (one salt per dataset keeps joins working); a secret salt stops dictionary
 * attacks on low-entropy values such as SSNs, which a plain salted hash would not.
 */
export function hashValue(value: string, salt: string, length = 16): string {
  if (salt.length === 0) {
    throw new AssayError('USAGE', 'The hash redaction operator needs a non-empty salt.', {
      hint: 'Use one secret random salt per dataset so equal values hash equally within it.',
    });
  }
  return createHmac('sha256', salt).update(value, 'utf8').digest('hex').slice(0, Math.max(8, Math.min(64, length)));
}

/** Masks all but the last `keepLast` characters (code points) of `value` with `char`. */
export function maskValue(value: string, char = '*', keepLast = 0): string {
  const chars = [...value];
  const keep = Math.max(0, Math.min(chars.length, keepLast));
  return char.repeat(chars.length - keep) + chars.slice(chars.length - keep).join('');
}

/** The replacement text for one result under one operator. */
export function applyOperator(result: PiiResult, operator: RedactionOperator): string {
  switch (operator.type) {
    case 'replace':
      return operator.value ?? `<${result.type}>`;
    case 'mask':
      return maskValue(result.text, operator.char, operator.keepLast);
    case 'hash':
      return hashValue(result.text, operator.salt, operator.length);
    case 'encrypt':
      return encryptRedaction(result.text, operator.key);
    case 'remove':
      return '';
    case 'keep':
      return result.text;
  }
}
