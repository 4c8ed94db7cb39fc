/** Safety judges: refusal (heuristic or model), StrongREJECT, harm with hazard categories, secret leakage, and their validation. */
export { REFUSAL_LABELS, isRefusalLabel, isRefusal, type RefusalLabel, type RefusalVerdict } from './refusal/refusal-label.js';
export { classifyRefusal } from './refusal/classify-refusal.js';
export { judgeRefusal, type RefusalJudgement } from './refusal/judge-refusal.js';
export { judgeStrongReject, type StrongRejectJudgement } from './strongreject/judge-strongreject.js';
export { readStrongReject, strongRejectScore, type StrongRejectRating } from './strongreject/read-strongreject.js';
export { HAZARDS, findHazard, isHazardId, type Hazard, type HazardId } from './hazards.js';
export { judgeHarm, type HarmJudgement } from './harm/judge-harm.js';
export { detectLeaks, maskSecret, type LeakFinding } from './leakage/detect-leaks.js';
export { LEAK_FORMS, type LeakForm } from './leakage/leak-forms.js';
export { judgeLeakage, type LeakageJudgement } from './leakage/judge-leakage.js';
export type { JudgeCall } from './judge-call.js';
export { JUDGE_VALIDATORS, isJudgeName, type JudgeName } from './validate/judge-validators.js';
export { readLabelled } from './validate/read-labelled.js';
export { validateJudge, type ValidationReport } from './validate/validate-judge.js';
