/** The tamper-evident audit log: append, verify, checkpoint, export. */
export { AUDIT_ACTIONS, AUDIT_OUTCOMES, isAuditAction, isAuditOutcome, type AuditAction, type AuditOutcome } from './audit-action.js';
export type { AuditCheckpoint, AuditEntry, AuditEntryBody, AuditEvent, AuditObject, JsonValue } from './audit-entry.js';
export type { AuditCallOptions, AuditLog } from './audit-log.js';
export { defaultAuditKeyFile, loadAuditSigner, signerFor, type AuditSigner } from './audit-signer.js';
export type { AuditVerifyResult } from './chain-verifier.js';
export { AUDIT_EXPORT_FORMATS, exportAuditLog, isAuditExportFormat, type AuditExportFormat } from './export-audit-log.js';
export { GENESIS_HASH, hashEntry } from './hash-entry.js';
export { KyselyAuditLog, type KyselyAuditLogOptions } from './kysely-audit-log.js';
export { localActor } from './local-actor.js';
export { openAuditLog } from './open-audit-log.js';
export { recordAudit } from './record-audit.js';
export { recordEgressBlocked, type BlockedEgress } from './record-egress-blocked.js';
