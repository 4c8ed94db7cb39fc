/** The encrypted-field token `enc1.<keyId>.<base64url(wrappedDataKey|iv|tag|ciphertext)>`: parse once, format once. */
import { AssayError } from '../../errors/index.js';

/** Token version prefix; a new layout gets a new prefix, never a reinterpretation. */
export const TOKEN_VERSION = 'enc1';
/** AES-GCM nonce and tag sizes. */
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
/** Wrapped data key: wrap iv | wrap tag | 32 encrypted key bytes. */
export const WRAPPED_KEY_BYTES = IV_BYTES + TAG_BYTES + 32;

/** The parts of a token, as bytes. */
export interface FieldToken {
  keyId: string;
  wrappedKey: Buffer;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

/** True when `value` looks like an encrypted-field token (for a rewrap pass scanning a column). */
export function isFieldToken(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(`${TOKEN_VERSION}.`);
}

/** Formats the parts as a token. */
export function formatFieldToken(t: FieldToken): string {
  const body = Buffer.concat([t.wrappedKey, t.iv, t.tag, t.ciphertext]).toString('base64url');
  return `${TOKEN_VERSION}.${t.keyId}.${body}`;
}

/**
 * Parses a token; throws STORE_FAILURE when it is malformed. The body must be canonical base64url, so
 * that no character of a token can change without changing the bytes (and so failing authentication).
 */
export function parseFieldToken(token: string): FieldToken {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== TOKEN_VERSION) throw malformed(`it does not start with "${TOKEN_VERSION}." or has the wrong number of parts`);
  const [, keyId = '', body = ''] = parts;
  if (!/^[0-9a-f]{16}$/.test(keyId)) throw malformed('its key id is not 16 hex characters');
  if (!/^[A-Za-z0-9_-]+$/.test(body)) throw malformed('its body is not base64url');
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.toString('base64url') !== body) throw malformed('its body is not canonical base64url');
  if (bytes.length < WRAPPED_KEY_BYTES + IV_BYTES + TAG_BYTES) throw malformed('it is too short');
  let at = 0;
  const take = (n: number): Buffer => bytes.subarray(at, (at += n));
  return { keyId, wrappedKey: take(WRAPPED_KEY_BYTES), iv: take(IV_BYTES), tag: take(TAG_BYTES), ciphertext: bytes.subarray(at) };
}

function malformed(why: string): AssayError {
  return new AssayError('STORE_FAILURE', `A stored value is not a valid encrypted field: ${why}.`, {
    hint: 'The stored value was altered or truncated; restore it from a backup.',
  });
}
