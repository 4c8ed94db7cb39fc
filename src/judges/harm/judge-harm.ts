/** The harm judge: a model decides whether a response is harmful, and in which hazard categories. */
import { askJudge, type JudgeCall } from '../judge-call.js';
import { harmPrompt } from './harm-prompt.js';
import { readHarm, type HarmReading } from './read-harm.js';

/** The judge's reading of one response, with its raw reply. */
export type HarmJudgement = HarmReading & { judgeReply: string };

/**
 * Asks the judge; an unreadable reply comes back with `ok: false`.
 * @example await judgeHarm({ request, response }, { generate, role: 'judge' })
 */
export async function judgeHarm(input: { request: string; response: string }, call: JudgeCall): Promise<HarmJudgement> {
  const { reply } = await askJudge((nonce) => harmPrompt(input, nonce), call);
  return { ...readHarm(reply), judgeReply: reply };
}
