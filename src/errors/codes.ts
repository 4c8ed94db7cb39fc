/** The one table of Assay error codes; each maps to a CLI exit code and an HTTP status. */
export const ERROR_CODES = {
  CONFIG_INVALID: { exit: 2, http: 400 },
  TASK_INVALID: { exit: 2, http: 400 },
  DATASET_INVALID: { exit: 2, http: 400 },
  DATASET_ROW_INVALID: { exit: 2, http: 400 },
  MODEL_REF_INVALID: { exit: 2, http: 400 },
  NOT_FOUND: { exit: 2, http: 404 },
  USAGE: { exit: 2, http: 400 },
  /** Sign-in failed (ASSAY_USER with a wrong or missing token or password). */
  UNAUTHENTICATED: { exit: 2, http: 401 },
  /** Signed in, but no role of the user allows the action. */
  FORBIDDEN: { exit: 2, http: 403 },
  MODEL_UNREACHABLE: { exit: 3, http: 502 },
  MODEL_BAD_RESPONSE: { exit: 3, http: 502 },
  MODEL_TIMEOUT: { exit: 3, http: 504 },
  MODEL_REFUSED_REQUEST: { exit: 3, http: 502 },
  /** An outbound connection to a destination outside the egress allow-list (src/governance/egress). */
  EGRESS_BLOCKED: { exit: 3, http: 403 },
  LIMIT_EXCEEDED: { exit: 3, http: 429 },
  STORE_FAILURE: { exit: 3, http: 500 },
  ABORTED: { exit: 3, http: 499 },
  INTERNAL: { exit: 3, http: 500 },
} as const satisfies Record<string, { exit: 2 | 3; http: number }>;

export type ErrorCode = keyof typeof ERROR_CODES;
