/** Refusal classification by a judge model, with the heuristics as a cross-check and a fallback. */
import { askJudge, type JudgeCall } from '../judge-call.js';
import { classifyRefusal } from './classify-refusal.js';
import type { RefusalVerdict } from './refusal-label.js';
import { readRefusalGrade, refusalPrompt } from './refusal-prompt.js';

/** A judge's refusal verdict, with what the judge said and what the heuristics thought. */
export interface RefusalJudgement extends RefusalVerdict {
  judgeReply: string;
  /** The heuristic verdict; it becomes the answer when the judge's reply cannot be read. */
  heuristic: RefusalVerdict;
  /** Set when the judge gave no readable grade and the heuristic label was used instead. */
  judgeUnparsed?: true;
}

/**
 * Asks the judge to classify the response. Confidence is 0.9 when the judge and the heuristics agree and 0.7
 * when they do not (the judge wins); an unreadable reply falls back to the heuristic verdict, flagged.
 * @example await judgeRefusal({ request: 'How do I…?', response: "I can't help." }, { generate, role: 'judge' })
 */
export async function judgeRefusal(input: { request: string; response: string }, call: JudgeCall): Promise<RefusalJudgement> {
  const heuristic = classifyRefusal(input.response);
  const { reply } = await askJudge((nonce) => refusalPrompt(input, nonce), call);
  const label = readRefusalGrade(reply);
  if (label === undefined) {
    return { ...heuristic, reasons: [`judge (${call.role}) gave no readable GRADE line; using the heuristics`, ...heuristic.reasons], judgeReply: reply, heuristic, judgeUnparsed: true };
  }
  const agree = label === heuristic.label;
  return {
    label,
    confidence: agree ? 0.9 : 0.7,
    reasons: [`judge (${call.role}) says ${label}`, `heuristics ${agree ? 'agree' : `say ${heuristic.label}`}: ${heuristic.reasons.join('; ')}`],
    judgeReply: reply,
    heuristic,
  };
}
