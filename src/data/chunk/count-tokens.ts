/** An approximate token count with no tokenizer dependency: for budgeting chunks, not for billing or hard limits. */

const PIECES = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

/**
 * Approximates a BPE token count: each run of letters/digits counts one token per 4 characters started, and each
 * punctuation or symbol character counts one. APPROXIMATE: it matches no particular model's tokenizer and can be
 * off in either direction (notably for non-Latin scripts and code); use a model's own tokenizer where exactness matters.
 * @example countTokens('The plan, in brief.') // 7
 */
export function countTokens(text: string): number {
  let n = 0;
  for (const m of text.matchAll(PIECES)) n += /[\p{L}\p{M}\p{N}]/u.test(m[0]) ? Math.ceil(m[0].length / 4) : 1;
  return n;
}
