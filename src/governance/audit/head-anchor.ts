/**
 * The signed head anchor: a small file outside the database that names the newest audit entry (seq and hash), signed
 * with the audit key and rewritten after every append. A hash chain alone cannot show that its newest entries were
 * cut off, and checkpoints only vouch for the chain up to the last one; the anchor closes that gap for everything
 * appended on this machine (AU-9, AU-10). Deleting the anchor is itself reported by `verify`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assayHome } from '../../config/paths.js';
import { writeFileAtomicSync } from '../../files/write-file-atomic.js';
import { canonicalJson } from '../../hashing/canonical-json.js';
import type { AuditSigner } from './audit-signer.js';

/** What the anchor file holds. */
export interface HeadAnchor {
  seq: number;
  hash: string;
  time: string;
  keyId: string;
  signature: string;
}

/** `$ASSAY_HOME/keys/audit-head.json` unless ASSAY_AUDIT_ANCHOR_FILE says otherwise. */
export function defaultAnchorFile(env: NodeJS.ProcessEnv = process.env): string {
  return env.ASSAY_AUDIT_ANCHOR_FILE || path.join(assayHome(env), 'keys', 'audit-head.json');
}

/** The bytes the anchor's signature covers (domain-separated from checkpoint payloads). */
export function anchorPayload(a: Pick<HeadAnchor, 'seq' | 'hash' | 'time'>): string {
  return canonicalJson({ kind: 'assay-audit-head', seq: a.seq, hash: a.hash, time: a.time });
}

/** Reads the anchor; undefined when the file does not exist; `'unreadable'` when it exists but is not an anchor. */
export function readAnchor(file: string): HeadAnchor | 'unreadable' | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'unreadable';
  }
  try {
    const v = JSON.parse(text) as Partial<HeadAnchor>;
    if (typeof v.seq === 'number' && typeof v.hash === 'string' && typeof v.time === 'string' && typeof v.keyId === 'string' && typeof v.signature === 'string') {
      return { seq: v.seq, hash: v.hash, time: v.time, keyId: v.keyId, signature: v.signature };
    }
  } catch {
    // falls through
  }
  return 'unreadable';
}

/**
 * Moves the anchor forward to `head` (never back: a slower concurrent writer must not lower it). Atomic: a temp file
 * renamed over the old one, mode 0600.
 */
export function advanceAnchor(file: string, head: { seq: number; hash: string }, signer: AuditSigner): void {
  const current = readAnchor(file);
  if (current !== undefined && current !== 'unreadable' && current.seq >= head.seq) return;
  const unsigned = { seq: head.seq, hash: head.hash, time: new Date().toISOString() };
  const anchor: HeadAnchor = { ...unsigned, keyId: signer.keyId, signature: signer.sign(anchorPayload(unsigned)) };
  writeFileAtomicSync(file, `${JSON.stringify(anchor)}\n`, { mode: 0o600, dirMode: 0o700 });
}
