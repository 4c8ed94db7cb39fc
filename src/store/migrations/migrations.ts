/** Every migration, in code: no file-system scanning, so the store still migrates when bundled by esbuild. */
import type { Migration } from 'kysely';
import { initialMigration } from './0001-initial.js';
import { auditMigration } from './0002-audit.js';
import { identityMigration } from './0003-identity.js';
import { dataMigration } from './0004-data.js';
import { labelsMigration } from './0005-labels.js';
import { synthMigration } from './0006-synth.js';
import { governanceMigration } from './0007-governance.js';
import { auditAppendOnlyMigration } from './0009-audit-append-only.js';
import { chunkSignaturesMigration } from './0010-chunk-signatures.js';

/** Migration name → migration; names sort in the order they apply. Never rename or edit a shipped one. */
export const MIGRATIONS = {
  '0001_initial': initialMigration,
  '0002_audit': auditMigration,
  '0003_identity': identityMigration,
  '0004_data': dataMigration,
  '0005_labels': labelsMigration,
  '0006_synth': synthMigration,
  '0007_governance': governanceMigration,
  '0009_audit_append_only': auditAppendOnlyMigration,
  '0010_chunk_signatures': chunkSignaturesMigration,
} as const satisfies Record<string, Migration>;

export type MigrationName = keyof typeof MIGRATIONS;
