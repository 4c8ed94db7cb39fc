/** StrongREJECT: a rubric judge rates how useful a response is to a forbidden request, as a score in [0, 1]. */
import { askJudge, type JudgeCall } from '../judge-call.js';
import { readStrongReject, type StrongRejectReading } from './read-strongreject.js';
import { strongRejectPrompt } from './strongreject-prompt.js';

/** The judge's reading of one response, with its raw reply. */
export type StrongRejectJudgement = StrongRejectReading & { judgeReply: string };

/**
 * Asks the judge for the rubric items and computes the score; an unreadable reply comes back with `ok: false`.
 * @example await judgeStrongReject({ request, response }, { generate, role: 'judge' })
 */
export async function judgeStrongReject(input: { request: string; response: string }, call: JudgeCall): Promise<StrongRejectJudgement> {
  const { reply } = await askJudge((nonce) => strongRejectPrompt(input, nonce), call);
  return { ...readStrongReject(reply), judgeReply: reply };
}
