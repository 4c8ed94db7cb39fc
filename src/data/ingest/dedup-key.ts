/**
 * A chunk's dedup key: its exact-dedup content hash and its MinHash signature, computed once when the chunk is written
 * and stored sealed in `ds_chunks.dedup_key`, so later versions dedup carried-over chunks without re-reading the text.
 */
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import { contentHash } from '../dedup/index.js';
import { chunkDedupKeyLocation } from '../dataset/sealed-locations.js';

/** What exact and near dedup need of a chunk; `signature` is null when the text has no shingles (empty). */
export interface DedupKey {
  hash: string;
  signature: Uint32Array | null;
}

/**
 * The stored form: `<params>:<hex sha256>:<base64 of the signature, little-endian uint32s>`. The params tag names the
 * MinHash family, so a key made under other parameters is ignored (recomputed) rather than mixed with new ones.
 */
export function encodeDedupKey(key: DedupKey, params: string): string {
  const sig = key.signature;
  if (sig === null) return `${params}:${key.hash}:`;
  const bytes = Buffer.allocUnsafe(sig.length * 4);
  for (let i = 0; i < sig.length; i++) bytes.writeUInt32LE(sig[i]!, i * 4);
  return `${params}:${key.hash}:${bytes.toString('base64')}`;
}

/** The key in `stored`, or null when it is missing, malformed or made under other parameters (then recompute). */
export function decodeDedupKey(stored: string | null, params: string, numPerm: number): DedupKey | null {
  if (stored === null) return null;
  const [tag, hash, sig, ...rest] = stored.split(':');
  if (tag !== params || hash === undefined || !/^[0-9a-f]{64}$/.test(hash) || sig === undefined || rest.length > 0) return null;
  if (sig === '') return { hash, signature: null };
  const bytes = Buffer.from(sig, 'base64');
  if (bytes.length !== numPerm * 4) return null;
  const signature = new Uint32Array(numPerm);
  for (let i = 0; i < numPerm; i++) signature[i] = bytes.readUInt32LE(i * 4);
  return { hash, signature };
}

/** Computes, seals and opens dedup keys under one set of near-dedup parameters. */
export class DedupKeyCodec {
  constructor(
    private readonly sign: (text: string) => Uint32Array | null,
    private readonly params: string,
    private readonly numPerm: number,
  ) {}

  /** The key of `text` (hash over the default dedup normalisation, as ExactDedupIndex uses). */
  compute(text: string): DedupKey {
    return { hash: contentHash(text), signature: this.sign(text) };
  }

  /** The sealed column value for chunk `id` of `dataset`. */
  seal(cipher: FieldCipher, dataset: string, id: string, key: DedupKey): string {
    return cipher.seal(encodeDedupKey(key, this.params), chunkDedupKeyLocation(dataset, id));
  }

  /** The stored key of chunk `id`, or null when there is none usable (written before migration 0010, other params). */
  open(cipher: FieldCipher, dataset: string, id: string, stored: string | null): DedupKey | null {
    if (stored === null) return null;
    return decodeDedupKey(cipher.open(stored, chunkDedupKeyLocation(dataset, id)), this.params, this.numPerm);
  }
}
