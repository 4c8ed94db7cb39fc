/** What the HTTP API is built from: the same core services the CLI uses, so both obey the same access rules. */
import type { DatasetReader } from '../data/dataset/dataset-types.js';
import type { AuditLog } from '../governance/audit/audit-log.js';
import type { IdentityStore } from '../governance/identity/identity-store.js';
import type { Store } from '../store/store.js';

export interface ServerDeps {
  store: Store;
  identities: IdentityStore;
  audit?: AuditLog;
  /** Ingested datasets; the dataset routes answer 404 when absent. */
  datasets?: DatasetReader;
  /** Lifetime of a session token from POST /api/login; default 8 hours. */
  sessionTtlMs?: number;
  /** Failed logins per user and address before a 15-minute lock-out (AC-7); default 5. */
  maxFailedLogins?: number;
  /** The clock (tests). */
  now?: () => number;
}
