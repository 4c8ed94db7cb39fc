/** PII detection and redaction (Presidio-style, no model): recognisers, context scoring, overlap resolution, operators. */
export { analyze, DEFAULT_MIN_SCORE, type AnalyzeOptions } from './analyze.js';
export { redact, type OperatorByType, type RedactResult, type RedactedSpan } from './redact.js';
export { applyOperator, hashValue, maskValue, OPERATOR_TYPES, type RedactionOperator } from './operators.js';
export { decryptRedaction, encryptRedaction, TOKEN_PREFIX } from './encrypt-redaction.js';
export { resolveOverlaps } from './resolve-overlaps.js';
export { PII_DETECTOR_VERSION, RECOGNISERS, type RecogniserId } from './recognisers.js';
export { patternRecogniser, type PatternSpec, type RawMatch, type Recogniser } from './recogniser.js';
export { CONTEXT_BOOST, CONTEXT_FLOOR, DEFAULT_WINDOW, boostScore, findContext, type ContextWindow } from './context.js';
export { PII_TYPES, isPiiType, type PiiResult, type PiiType } from './pii-types.js';
export { ibanChecksumValid, luhnValid } from './checksums.js';
