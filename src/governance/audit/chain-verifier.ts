/** Replays the hash chain entry by entry and checks the signed checkpoints against it (AU-9(3)). */
import type { AuditCheckpoint } from './audit-entry.js';
import type { DecodedEntry } from './audit-row-codec.js';
import { checkpointPayload } from './audit-row-codec.js';
import type { AuditSigner } from './audit-signer.js';
import { GENESIS_HASH, hashEntry } from './hash-entry.js';
import { anchorPayload, type HeadAnchor } from './head-anchor.js';

/** The head anchor as read from its file, and whether its absence is an error. */
export interface AnchorCheck {
  anchor: HeadAnchor | 'unreadable' | undefined;
  required: boolean;
  file: string;
}

/** The outcome of `verify()`: `firstBad` names the lowest seq found wrong and why. */
export interface AuditVerifyResult {
  ok: boolean;
  entries: number;
  checkpoints: number;
  firstBad?: { seq: number; reason: string };
}

/**
 * Feed it every row in seq order with `push`, then call `finish`. The first chain error wins;
 * checkpoint errors can name a lower seq (a consistent rewrite is only visible at a checkpoint).
 */
export class ChainVerifier {
  readonly #checkpoints: Map<number, AuditCheckpoint>;
  readonly #signer: AuditSigner | undefined;
  #expectedSeq = 1;
  #prevHash = GENESIS_HASH;
  #entries = 0;
  #firstBad: { seq: number; reason: string } | undefined;
  readonly #anchor: AnchorCheck | undefined;
  /** The stored hash at the anchor's seq, once the scan reaches it. */
  #hashAtAnchor: string | undefined;

  /** `signer` checks signatures; without one, any checkpoint or anchor is reported as unverifiable. */
  constructor(checkpoints: readonly AuditCheckpoint[], signer: AuditSigner | undefined, anchor?: AnchorCheck) {
    this.#checkpoints = new Map(checkpoints.map((c) => [c.seq, c]));
    this.#signer = signer;
    this.#anchor = anchor;
  }

  /** Checks one decoded row; after the first break the rest are only counted. */
  push(decoded: DecodedEntry): void {
    this.#entries++;
    if (this.#firstBad) return;
    const seq = decoded.ok ? decoded.entry.seq : decoded.seq;
    if (seq !== this.#expectedSeq) {
      this.#bad(this.#expectedSeq, seq > this.#expectedSeq
        ? `entry ${this.#expectedSeq} is missing (the next stored entry is ${seq}): entries were deleted`
        : `entry ${seq} appears again after entry ${this.#expectedSeq - 1}: entries were inserted or reordered`);
      return;
    }
    if (!decoded.ok) return this.#bad(seq, decoded.reason);
    const { entry } = decoded;
    if (entry.prevHash !== this.#prevHash) {
      return this.#bad(seq, `entry ${seq} does not link to entry ${seq - 1} (prevHash differs): an entry before it was edited, inserted, deleted or moved`);
    }
    if (hashEntry(entry) !== entry.hash) return this.#bad(seq, `entry ${seq} does not match its hash: its content was edited`);
    const checkpoint = this.#checkpoints.get(seq);
    if (checkpoint && checkpoint.hash !== entry.hash) {
      return this.#bad(seq, `entry ${seq} differs from the signed checkpoint at seq ${seq}: the chain up to it was rewritten`);
    }
    if (this.#anchor?.anchor !== undefined && this.#anchor.anchor !== 'unreadable' && seq === this.#anchor.anchor.seq) this.#hashAtAnchor = entry.hash;
    this.#prevHash = entry.hash;
    this.#expectedSeq++;
  }

  /** Checks every checkpoint's signature and that the chain reaches it; returns the verdict. */
  finish(): AuditVerifyResult {
    const lastGood = this.#expectedSeq - 1;
    for (const c of [...this.#checkpoints.values()].sort((a, b) => a.seq - b.seq)) {
      const problem = this.#checkCheckpoint(c, lastGood);
      if (problem && (!this.#firstBad || problem.seq < this.#firstBad.seq)) this.#firstBad = problem;
      if (problem) break;
    }
    const anchorProblem = this.#checkAnchor(lastGood);
    if (anchorProblem && (!this.#firstBad || anchorProblem.seq < this.#firstBad.seq)) this.#firstBad = anchorProblem;
    const result: AuditVerifyResult = { ok: this.#firstBad === undefined, entries: this.#entries, checkpoints: this.#checkpoints.size };
    if (this.#firstBad) result.firstBad = this.#firstBad;
    return result;
  }

  #checkCheckpoint(c: AuditCheckpoint, lastGood: number): { seq: number; reason: string } | undefined {
    if (!this.#signer) return { seq: c.seq, reason: `checkpoint ${c.seq} cannot be checked: the audit signing key file is missing` };
    if (c.keyId !== this.#signer.keyId) return { seq: c.seq, reason: `checkpoint ${c.seq} was signed by an unknown key ${c.keyId.slice(0, 16)}…` };
    if (!this.#signer.verify(checkpointPayload(c), c.signature)) return { seq: c.seq, reason: `checkpoint ${c.seq} has an invalid signature: it was forged or edited` };
    if (c.seq > lastGood && !this.#firstBad) {
      return { seq: lastGood + 1, reason: `the log ends at entry ${lastGood} but a signed checkpoint proves it reached entry ${c.seq}: entries were truncated` };
    }
    return undefined;
  }

  #checkAnchor(lastGood: number): { seq: number; reason: string } | undefined {
    if (!this.#anchor) return undefined;
    const { anchor, required, file } = this.#anchor;
    if (anchor === undefined) {
      return required && this.#entries > 0
        ? { seq: lastGood + 1, reason: `the signed head anchor ${file} is missing although the log has entries: it is rewritten on every append, so the tail of the log cannot be vouched for (was it deleted?)` }
        : undefined;
    }
    if (anchor === 'unreadable') return { seq: lastGood + 1, reason: `the head anchor ${file} is not a valid anchor file: it was edited or damaged` };
    if (!this.#signer) return { seq: anchor.seq, reason: 'the head anchor cannot be checked: the audit signing key file is missing' };
    if (anchor.keyId !== this.#signer.keyId) return { seq: anchor.seq, reason: `the head anchor was signed by an unknown key ${anchor.keyId.slice(0, 16)}…` };
    if (!this.#signer.verify(anchorPayload(anchor), anchor.signature)) return { seq: anchor.seq, reason: 'the head anchor has an invalid signature: it was forged or edited' };
    if (anchor.seq > lastGood) {
      return this.#firstBad ? undefined : { seq: lastGood + 1, reason: `the log ends at entry ${lastGood} but the signed head anchor proves it reached entry ${anchor.seq}: entries were truncated` };
    }
    if (this.#hashAtAnchor !== anchor.hash) return { seq: anchor.seq, reason: `entry ${anchor.seq} differs from the signed head anchor: the chain was rewritten` };
    return undefined;
  }

  #bad(seq: number, reason: string): void {
    this.#firstBad ??= { seq, reason };
  }
}
