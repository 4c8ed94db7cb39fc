/** The AuditLog over the Store's Kysely db: one implementation for SQLite and PostgreSQL. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { AssayError } from '../../errors/index.js';
import type { Database } from '../../store/schema.js';
import { throwIfAborted, toStoreFailure } from '../../store/store-failure.js';
import { isAuditAction, isAuditOutcome } from './audit-action.js';
import type { AuditCheckpoint, AuditEntry, AuditEntryBody, AuditEvent, JsonValue } from './audit-entry.js';
import type { AuditCallOptions, AuditLog } from './audit-log.js';
import { checkpointPayload, checkpointToRow, entryToRow, rowToCheckpoint, rowToEntry, type DecodedEntry } from './audit-row-codec.js';
import { loadAuditSigner, type AuditSigner } from './audit-signer.js';
import type { AuditTables } from './audit-tables.js';
import { canonicalJson } from '../../hashing/canonical-json.js';
import { ChainVerifier, type AuditVerifyResult } from './chain-verifier.js';
import { GENESIS_HASH, hashEntry } from './hash-entry.js';
import { advanceAnchor, readAnchor } from './head-anchor.js';

type AuditDb = Kysely<Database & AuditTables>;

/** Tries per append when another writer took the same seq first (cross-process SQLite, PostgreSQL backstop). */
const MAX_ATTEMPTS = 50;
/** Rows read per page while scanning. */
const PAGE = 1000;

export interface KyselyAuditLogOptions {
  /** The Store's Kysely instance (`KyselyStore.db`), migrated to 0002 or later. */
  db: Kysely<Database>;
  dialect: 'sqlite' | 'postgres';
  /** Actor of events that name none: a user id or `local:<os user>@<hostname>`. */
  actor: string;
  /** The Ed25519 PEM key file; created on first signature. */
  keyFile: string;
  /** Sign a checkpoint after every N entries; 0 turns automatic checkpoints off. Default 100. */
  checkpointEvery?: number;
  /** Label of the log itself, on checkpoint rows. Default UNCLASSIFIED. */
  label?: string;
  /** The signed head anchor file (head-anchor.ts), advanced after every append; none when undefined. */
  anchorFile?: string;
  /**
   * Whether `verify` fails when the anchor file is missing although entries exist. Default: true on SQLite (one
   * machine writes the log), false on PostgreSQL (a node that never appended has no anchor of its own).
   */
  anchorRequired?: boolean;
}

/** An append-only, hash-chained audit log in the `audit_log` and `audit_checkpoints` tables. */
export class KyselyAuditLog implements AuditLog {
  readonly #db: AuditDb;
  readonly #dialect: KyselyAuditLogOptions['dialect'];
  readonly #actor: string;
  readonly #keyFile: string;
  readonly #every: number;
  readonly #label: string;
  readonly #anchorFile: string | undefined;
  readonly #anchorRequired: boolean;
  #signer: AuditSigner | undefined;

  constructor(options: KyselyAuditLogOptions) {
    this.#db = options.db.withTables<AuditTables>();
    this.#dialect = options.dialect;
    this.#actor = options.actor;
    this.#keyFile = options.keyFile;
    this.#every = Math.max(0, Math.floor(options.checkpointEvery ?? 100));
    this.#label = options.label ?? DEFAULT_LABEL;
    this.#anchorFile = options.anchorFile;
    this.#anchorRequired = options.anchorFile !== undefined && (options.anchorRequired ?? options.dialect === 'sqlite');
  }

  async append(event: AuditEvent, options?: AuditCallOptions): Promise<AuditEntry> {
    throwIfAborted(options?.signal);
    checkEvent(event);
    const details = JSON.parse(canonicalJson(event.details ?? {})) as Record<string, JsonValue>;
    const outcome = event.outcome ?? 'success';
    for (let attempt = 1; ; attempt++) {
      let entry: AuditEntry;
      try {
        entry = await this.#db.transaction().execute(async (trx) => {
          const head = await this.#head(trx);
          const body: AuditEntryBody = {
            seq: (head?.seq ?? 0) + 1, time: new Date().toISOString(), actor: event.actor ?? this.#actor,
            action: event.action, object: { ...event.object, label: event.object.label || DEFAULT_LABEL }, outcome, details, prevHash: head?.hash ?? GENESIS_HASH,
          };
          const entry: AuditEntry = { ...body, hash: hashEntry(body) };
          await trx.insertInto('audit_log').values(entryToRow(entry)).execute();
          if (this.#every > 0 && entry.seq % this.#every === 0) await this.#sign(trx, entry);
          return entry;
        });
      } catch (err) {
        if (attempt < MAX_ATTEMPTS && isWriteConflict(err)) continue;
        throw toStoreFailure(`append ${event.action} to the audit log`, err);
      }
      // Fail closed (AU-5): an entry the anchor does not cover is reported, not silently left unanchored.
      if (this.#anchorFile) {
        try {
          advanceAnchor(this.#anchorFile, entry, this.#loadSigner(true)!);
        } catch (err) {
          throw new AssayError('STORE_FAILURE', `Audit entry ${entry.seq} was written, but the head anchor ${this.#anchorFile} could not be updated: ${(err as Error).message}`, {
            hint: 'Check that the keys folder under ASSAY_HOME is writable by this user; `assay audit verify` will report the gap until the next append succeeds.',
          });
        }
      }
      return entry;
    }
  }

  async *scan(options?: AuditCallOptions): AsyncIterable<DecodedEntry> {
    let after = Number.NEGATIVE_INFINITY;
    for (;;) {
      throwIfAborted(options?.signal);
      let query = this.#db.selectFrom('audit_log').selectAll().orderBy('seq').limit(PAGE);
      if (after !== Number.NEGATIVE_INFINITY) query = query.where('seq', '>', after);
      const rows = await query.execute().catch((err: unknown) => Promise.reject(toStoreFailure('read the audit log', err)));
      for (const row of rows) yield rowToEntry(row);
      if (rows.length < PAGE) return;
      after = Number(rows[rows.length - 1]!.seq);
    }
  }

  async checkpoints(options?: AuditCallOptions): Promise<AuditCheckpoint[]> {
    throwIfAborted(options?.signal);
    try {
      const rows = await this.#db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
      return rows.map(rowToCheckpoint);
    } catch (err) {
      throw toStoreFailure('read the audit checkpoints', err);
    }
  }

  async checkpoint(options?: AuditCallOptions): Promise<AuditCheckpoint | undefined> {
    throwIfAborted(options?.signal);
    try {
      return await this.#db.transaction().execute(async (trx) => {
        const head = await this.#head(trx);
        if (!head) return undefined;
        const existing = await trx.selectFrom('audit_checkpoints').selectAll().where('seq', '=', head.seq).executeTakeFirst();
        return existing ? rowToCheckpoint(existing) : this.#sign(trx, head);
      });
    } catch (err) {
      throw toStoreFailure('sign an audit checkpoint', err);
    }
  }

  async verify(options?: AuditCallOptions): Promise<AuditVerifyResult> {
    const checkpoints = await this.checkpoints(options);
    const anchor = this.#anchorFile === undefined ? undefined : readAnchor(this.#anchorFile);
    const signer = checkpoints.length > 0 || anchor !== undefined ? this.#loadSigner(false) : undefined;
    const verifier = new ChainVerifier(checkpoints, signer, this.#anchorFile === undefined ? undefined : { anchor, required: this.#anchorRequired, file: this.#anchorFile });
    for await (const decoded of this.scan(options)) verifier.push(decoded);
    return verifier.finish();
  }

  /**
   * The last entry, read under the append lock: an advisory lock on PostgreSQL; on SQLite the one
   * connection of a process runs one transaction at a time, and a writer in another process makes
   * our insert fail (busy snapshot or duplicate seq), which append retries. The seq key is the backstop.
   */
  async #head(trx: Transaction<Database & AuditTables>): Promise<{ seq: number; hash: string } | undefined> {
    if (this.#dialect === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext(current_schema() || '.audit_log'))`.execute(trx);
    }
    const row = await trx.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row && { seq: Number(row.seq), hash: row.hash };
  }

  async #sign(trx: Transaction<Database & AuditTables>, head: { seq: number; hash: string }): Promise<AuditCheckpoint> {
    const signer = this.#loadSigner(true)!;
    const unsigned = { seq: head.seq, hash: head.hash, time: new Date().toISOString() };
    const checkpoint: AuditCheckpoint = { ...unsigned, keyId: signer.keyId, signature: signer.sign(checkpointPayload(unsigned)) };
    await trx.insertInto('audit_checkpoints').values(checkpointToRow(checkpoint, this.#label)).execute();
    return checkpoint;
  }

  #loadSigner(create: boolean): AuditSigner | undefined {
    this.#signer ??= loadAuditSigner({ file: this.#keyFile, create });
    return this.#signer;
  }
}

/** Callers in plain JavaScript (and plugins) can pass anything: refuse what would poison the log. */
function checkEvent(event: AuditEvent): void {
  if (!isAuditAction(event.action)) {
    throw new AssayError('INTERNAL', `Unknown audit action "${String(event.action)}".`, { hint: 'Use one of AUDIT_ACTIONS (src/governance/audit/audit-action.ts).' });
  }
  if (event.outcome !== undefined && !isAuditOutcome(event.outcome)) {
    throw new AssayError('INTERNAL', `Unknown audit outcome "${String(event.outcome)}".`, { hint: 'Use success, failure or denied.' });
  }
}

/** A lost race for the next seq: PostgreSQL unique/serialization failure, SQLite PK clash or busy snapshot. */
function isWriteConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  return code === '23505' || code === '40001' || code === '40P01' || code.startsWith('SQLITE_BUSY') || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
