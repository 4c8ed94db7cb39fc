/** Error classes with stable codes; messages say what happened, where, and what to do. */
import { ERROR_CODES, type ErrorCode } from './codes.js';

export interface ErrorLocation {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  row?: number;
}

export interface AssayErrorOptions {
  /** What the user can do about it. */
  hint?: string;
  where?: ErrorLocation;
  cause?: unknown;
}

/** Base class for every error Assay raises on purpose. */
export class AssayError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  readonly where?: ErrorLocation;

  constructor(code: ErrorCode, message: string, options: AssayErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AssayError';
    this.code = code;
    this.hint = options.hint;
    this.where = options.where;
  }

  get exitCode(): 2 | 3 {
    return ERROR_CODES[this.code].exit;
  }

  /** A JSON-safe view, used by `--output json` and the API. */
  toJSON(): { code: ErrorCode; message: string; hint?: string; where?: ErrorLocation } {
    return { code: this.code, message: this.message, hint: this.hint, where: this.where };
  }
}

/** Formats a location as `file:line:column field`, leaving out what is unknown. */
export function formatLocation(where: ErrorLocation | undefined): string {
  if (!where) return '';
  let s = where.file ?? '';
  if (where.row !== undefined) s += `${s ? ' ' : ''}row ${where.row}`;
  if (where.line !== undefined) s += `:${where.line}${where.column !== undefined ? `:${where.column}` : ''}`;
  if (where.field) s += `${s ? ' ' : ''}field "${where.field}"`;
  return s;
}

/** Turns anything thrown into an AssayError, so the boundary never prints a raw stack. */
export function toAssayError(err: unknown): AssayError {
  if (err instanceof AssayError) return err;
  if (err instanceof Error && err.name === 'AbortError') {
    return new AssayError('ABORTED', 'The operation was cancelled.', { cause: err });
  }
  const message = err instanceof Error ? err.message : String(err);
  return new AssayError('INTERNAL', `Unexpected error: ${message}`, {
    cause: err,
    hint: 'This is a bug in Assay; please report it with the command you ran.',
  });
}
