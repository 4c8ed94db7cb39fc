/** What the labelling services need: the Store's db, the field cipher, and optionally the audit log and a clock. */
import type { Kysely } from 'kysely';
import { AssayError } from '../../errors/index.js';
import type { AuditLog } from '../../governance/audit/audit-log.js';
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import { KyselyStore } from '../../store/kysely-store.js';
import type { Database } from '../../store/schema.js';
import type { Store } from '../../store/store.js';
import type { LabelTables } from './label-tables.js';

/** The labelling tables over the Store's Kysely instance. */
export type LabelDb = Kysely<Database & LabelTables>;

/** Shared by every labelling service function. */
export interface LabelContext {
  db: LabelDb;
  cipher: FieldCipher;
  /** Task creation, annotations, imports and reviews are recorded here when given. */
  audit?: AuditLog;
  now: () => Date;
}

/**
 * The context over an open SQL store (SQLite or PostgreSQL, migrated to 0005 or later).
 * @example const ctx = labelContext(await openStore(), keyringCipher(loadKeyring()), { audit: openAuditLog(store) });
 */
export function labelContext(store: Store, cipher: FieldCipher, options: { audit?: AuditLog; now?: () => Date } = {}): LabelContext {
  if (!(store instanceof KyselyStore)) {
    throw new AssayError('INTERNAL', 'Labelling needs a SQL store (SQLite or PostgreSQL).', { hint: 'Open the store with openStore().' });
  }
  return { db: store.db.withTables<LabelTables>(), cipher, audit: options.audit, now: options.now ?? (() => new Date()) };
}
