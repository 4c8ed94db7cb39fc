export { ERROR_CODES, type ErrorCode } from './codes.js';
export { AssayError, formatLocation, toAssayError, type AssayErrorOptions, type ErrorLocation } from './assay-error.js';
