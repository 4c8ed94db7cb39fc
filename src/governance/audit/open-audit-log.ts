/** The audit log of an open Store, with the local operator as actor and the default key file. */
import { AssayError } from '../../errors/index.js';
import { KyselyStore } from '../../store/kysely-store.js';
import type { Store } from '../../store/store.js';
import type { AuditLog } from './audit-log.js';
import { defaultAuditKeyFile } from './audit-signer.js';
import { defaultAnchorFile } from './head-anchor.js';
import { KyselyAuditLog } from './kysely-audit-log.js';
import { localActor } from './local-actor.js';

/**
 * The audit log in the same database as `store` (which openStore has migrated).
 * @example
 * const store = await openStore();
 * const audit = openAuditLog(store);
 */
export function openAuditLog(store: Store, options: { actor?: string; keyFile?: string; checkpointEvery?: number; anchorFile?: string } = {}): AuditLog {
  if (!(store instanceof KyselyStore)) {
    throw new AssayError('INTERNAL', 'The audit log needs a SQL store (SQLite or PostgreSQL).', { hint: 'Open the store with openStore().' });
  }
  return new KyselyAuditLog({
    db: store.db,
    dialect: store.dialect,
    actor: options.actor ?? localActor(),
    keyFile: options.keyFile ?? defaultAuditKeyFile(),
    checkpointEvery: options.checkpointEvery,
    anchorFile: options.anchorFile ?? defaultAnchorFile(),
  });
}
