/** Cheap rotation: re-wraps a token's data key under the current master key, leaving iv, tag and ciphertext as they are. */
import { unwrapDataKey, wrapDataKey } from './data-key.js';
import { formatFieldToken, parseFieldToken } from './field-token.js';
import type { Keyring } from './keyring.js';

/**
 * `token` with its data key wrapped under `keyring.current` (unwrapped with whichever key of `keyring`
 * wrapped it). Needs no AAD and never decrypts the field. Returns `token` itself when already current.
 * @example const keyring = rotateMasterKey({ keyFile }); row.output = rewrapToken(row.output, keyring);
 */
export function rewrapToken(token: string, keyring: Keyring): string {
  const parsed = parseFieldToken(token);
  if (parsed.keyId === keyring.current.id) return token;
  const dataKey = unwrapDataKey(parsed.wrappedKey, keyring.get(parsed.keyId));
  try {
    return formatFieldToken({ ...parsed, keyId: keyring.current.id, wrappedKey: wrapDataKey(dataKey, keyring.current) });
  } finally {
    dataKey.fill(0);
  }
}
