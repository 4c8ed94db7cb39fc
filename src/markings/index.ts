/** US classification and CUI markings: parse, validate, normalise, roll up, find in text, and check dominance. Imports nothing of Assay. */
export { parseMarking, type ParseOptions, type ParseResult } from './parse-marking.js';
export { renderMarking } from './render-marking.js';
export { rollup, rollupMarkings, type RollupOptions, type RollupResult } from './rollup.js';
export { dominates, labelAttributes, type LabelAttributes } from './dominates.js';
export { findMarkings, lineLocator, type FindOptions, type FoundMarking } from './find-markings.js';
export { findCabs, parseCab, type Cab, type CabResult, type FoundCab } from './parse-cab.js';
export { checkDocument, type DocumentCheck, type DocumentIssue } from './check-document.js';
export { releasability } from './fdr.js';
export { emptyMarking, type Marking, type MarkingForm, type MarkingScheme } from './marking.js';
export { MARKING_ISSUE_CODES, isMarkingIssueCode, type MarkingCorrection, type MarkingIssue, type MarkingIssueCode } from './issues.js';
export { LEVELS, VOCABULARY_VERSION, controlTitle, isLevel, levelRank, type Level } from './vocabulary.js';
export { COUNTRIES_VERSION } from './countries.js';
