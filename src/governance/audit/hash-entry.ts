/** The chain's hash: SHA-384 over the canonical JSON of an entry body, which includes prevHash. */
import { createHash } from 'node:crypto';
import type { AuditEntryBody } from './audit-entry.js';
import { canonicalJson } from '../../hashing/canonical-json.js';

/** prevHash of the first entry: 96 zeros, the width of a SHA-384 hex digest. */
export const GENESIS_HASH = '0'.repeat(96);

/** SHA-384 (lowercase hex) of the canonical JSON of `body`. */
export function hashEntry(body: AuditEntryBody): string {
  const { seq, time, actor, action, object, outcome, details, prevHash } = body;
  const canonical = canonicalJson({ seq, time, actor, action, object, outcome, details, prevHash });
  return createHash('sha384').update(canonical, 'utf8').digest('hex');
}
