// Shared set-up for the ingest tests: a real store (SQLite in a temp folder, or PostgreSQL in a unique schema),
// a fresh master key, and users at two clearances.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { keyringCipher, type FieldCipher } from '../../src/governance/crypto/field-cipher.js';
import { Keyring } from '../../src/governance/crypto/keyring.js';
import { generateMasterKey } from '../../src/governance/crypto/master-key.js';
import { localOperator } from '../../src/governance/identity/local-operator.js';
import type { User } from '../../src/governance/identity/user.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { openStore } from '../../src/store/open-store.js';

export const PG_URL = process.env.ASSAY_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const topSecret: User = localOperator({ clearance: 'TOP SECRET//SI//NOFORN' });
export const secret: User = { ...topSecret, id: 'secret-viewer', clearance: 'SECRET//NOFORN' };
export const unclassified: User = { ...topSecret, id: 'u-viewer', clearance: 'UNCLASSIFIED' };

export interface Harness {
  store: KyselyStore;
  cipher: FieldCipher;
  home: string;
  close(): Promise<void>;
}

/** Opens a real store of `kind` with its own folder (SQLite file) or schema (PostgreSQL). */
export async function openHarness(kind: 'sqlite' | 'postgres'): Promise<Harness> {
  const home = mkdtempSync(path.join(tmpdir(), 'assay-ingest-'));
  const schema = `ingest_${randomBytes(6).toString('hex')}`;
  const store = (await (kind === 'sqlite' ? openStore({ home, databaseUrl: '' }) : openStore({ databaseUrl: PG_URL, schema }))) as KyselyStore;
  const cipher = keyringCipher(new Keyring(generateMasterKey()));
  return {
    store,
    cipher,
    home,
    async close() {
      if (kind === 'postgres') await store.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await store.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
