/** `assay dataset synth`: evals written from an organisation's own documents, filtered for grounding. */
export { normalizeAnswer, supportRecall, tokenF1 } from './answer-match.js';
export { parseGenerated, GeneratedItemsSchema, type GeneratedItem } from './parse-generated.js';
export { answerPrompt, generationPrompt } from './synth-prompts.js';
export { REJECTION_REASONS, synthesize, type RejectedItem, type RejectionReason, type SynthDeps, type SynthOptions, type SynthResult } from './synthesize.js';
export { createQaItemReader, saveSynthResult } from './synth-store.js';
export { qaItemToEvalRow } from './eval-row.js';
