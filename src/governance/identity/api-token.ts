/** API tokens: 32 random bytes shown once; only their SHA-256 is stored. */
import crypto from 'node:crypto';

/** Prefix of every token, so leaked tokens are easy to spot in logs and scanners. */
export const TOKEN_PREFIX = 'assay_';

/** A token as stored and listed: never the secret, only its hash. */
export interface ApiToken {
  id: string;
  userId: string;
  /** What the holder calls it ("CI runner"). */
  name: string;
  /** ISO 8601 UTC. */
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** SHA-256 (hex) of a token: what the store keeps and looks up by. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * A fresh token (`assay_` + 32 random bytes, base64url), its hash, and an id to name it by without the secret.
 * @example const { token, hash } = generateToken(); // show `token` once, store `hash`
 */
export function generateToken(): { id: string; token: string; hash: string } {
  const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
  return { id: `tok_${crypto.randomBytes(9).toString('base64url')}`, token, hash: hashToken(token) };
}

/** Constant-time equality of two hex hashes of the same length. */
export function sameHash(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a, 'hex'), Buffer.from(b, 'hex')];
  return x.length === y.length && x.length > 0 && crypto.timingSafeEqual(x, y);
}
