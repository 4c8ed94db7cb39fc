/** Text cleaning for the data engine: normalisation, de-hyphenation, boilerplate removal, language ID, quality filters. */
export { normalizeText, type NormalizeOptions } from './normalize-text.js';
export { dehyphenate } from './dehyphenate.js';
export { isMarkingLine } from './is-marking-line.js';
export { removeBoilerplate, type BoilerplateOptions, type BoilerplateResult, type RemovedLine } from './remove-boilerplate.js';
export { detectLanguage, type DetectOptions, type DetectedLanguage, type LanguageGuess } from './detect-language.js';
export { LANGUAGE_SAMPLES, type SampleLanguage } from './language-samples.js';
export { checkQuality, QUALITY_REASONS, type QualityOptions, type QualityReason, type QualityReasonCode, type QualityResult } from './quality-filter.js';
