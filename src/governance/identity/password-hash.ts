/** Password hashing with scrypt (node:crypto): per-user salt, parameters stored with the hash, constant-time compare. */
import crypto from 'node:crypto';
import { AssayError } from '../../errors/index.js';

/** scrypt cost: N = 2^logN, block size r, parallelism p. */
export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/** What new hashes use; raise it here and `needsRehash` flags older hashes at the next sign-in. */
export const SCRYPT_DEFAULTS: ScryptParams = { logN: 15, r: 8, p: 1 };

/** The floor for new hashes: N ≥ 2^15 (OWASP's scrypt minimum). */
const MIN_LOG_N = 15;
/** The ceiling for stored hashes, so a tampered row cannot make verification exhaust memory. */
const MAX_LOG_N = 20;
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function derive(password: string, salt: Buffer, params: ScryptParams, keylen: number): Promise<Buffer> {
  const N = 2 ** params.logN;
  const maxmem = 256 * N * params.r * params.p + 16 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    crypto.scrypt(password.normalize('NFC'), salt, keylen, { N, r: params.r, p: params.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

const b64 = (b: Buffer) => b.toString('base64').replace(/=+$/, '');

/**
 * Hashes a password as `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (base64), with a fresh random salt.
 * @example const stored = await hashPassword('correct horse battery staple');
 */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_DEFAULTS): Promise<string> {
  if (params.logN < MIN_LOG_N || params.logN > MAX_LOG_N || params.r < 1 || params.p < 1) {
    throw new AssayError('INTERNAL', `scrypt parameters ln=${params.logN},r=${params.r},p=${params.p} are outside the allowed range.`, {
      hint: `Use N between 2^${MIN_LOG_N} and 2^${MAX_LOG_N}, r ≥ 1 and p ≥ 1.`,
    });
  }
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.logN},r=${params.r},p=${params.p}$${b64(salt)}$${b64(key)}`;
}

/** The parameters, salt and key of a stored hash; undefined when it is not one of ours or out of range. */
function readHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const m = FORMAT.exec(stored);
  if (!m) return undefined;
  const params = { logN: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.logN < 1 || params.logN > MAX_LOG_N || params.r < 1 || params.r > 64 || params.p < 1 || params.p > 16) return undefined;
  const key = Buffer.from(m[5]!, 'base64');
  return key.length >= 16 ? { params, salt: Buffer.from(m[4]!, 'base64'), key } : undefined;
}

/**
 * True when `password` matches `stored`, using the parameters stored with it; the comparison is constant-time
 * (`crypto.timingSafeEqual`). A malformed stored hash never matches.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = readHash(stored);
  if (!h) return false;
  const key = await derive(password, h.salt, h.params, h.key.length);
  return crypto.timingSafeEqual(key, h.key);
}

/** True when `stored` was made with weaker parameters than `params` (or is unreadable): hash again on next sign-in. */
export function needsRehash(stored: string, params: ScryptParams = SCRYPT_DEFAULTS): boolean {
  const h = readHash(stored);
  return !h || h.params.logN < params.logN || h.params.r < params.r || h.params.p < params.p;
}
