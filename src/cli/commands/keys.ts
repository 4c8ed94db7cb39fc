/**
 * `assay keys status|rotate|rewrap`: the master keys of encryption at rest. Never prints key bytes, except the one new
 * key `rotate --print-new-key` generates when the keys come from ASSAY_MASTER_KEY (Assay cannot store it there).
 */
import type { Command } from 'commander';
import { reportsDir } from '../../config/paths.js';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { AssayError } from '../../errors/index.js';
import { requireRole } from '../../governance/access/require-role.js';
import type { AuditLog } from '../../governance/audit/audit-log.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { recordAudit } from '../../governance/audit/record-audit.js';
import {
  dropRetiredKeys, generateMasterKey, openKeyringSource, rewrapAll, rotateMasterKey, sealedFileKeyCounts, tokenCensus,
  type ColumnRewrap, type Keyring, type KeyringSource, type RewrapAllResult,
} from '../../governance/crypto/index.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { openStore } from '../../store/open-store.js';
import { currentUser } from '../current-user.js';
import { createIo, usage, type Io, type OutputMode } from '../output.js';

interface PassFlags {
  dropRetired?: boolean;
  batchSize: string;
  sealPlaintext?: boolean;
  output: OutputMode;
}

export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('master keys of encryption at rest: status, rotation, rewrap');
  keys
    .command('status')
    .description('key ids (never key bytes) and how many sealed values each key holds, per column and for sealed files')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (flags: { output: OutputMode }) => {
      const io = createIo(flags.output);
      await withAdmin(async ({ store, source }) => {
        const keyring = source.keyring();
        const columns = await tokenCensus(store.db);
        const files = sealedFileKeyCounts(reportsDir());
        const json = { source: describeSource(source), current: keyring.current.id, retired: keyring.retired.map((k) => k.id), columns, files };
        io.result(json, () => {
          const lines = [`master key source: ${json.source}`, `current key: ${json.current}`, `retired keys: ${json.retired.join(', ') || '(none)'}`];
          for (const c of columns) {
            if (c.absent) continue;
            const byKey = Object.entries(c.byKey).map(([id, n]) => `${id}=${n}`).join(' ') || '(no tokens)';
            lines.push(`  ${c.table}.${c.column}: ${byKey}${c.plaintext ? ` plaintext=${c.plaintext}` : ''}`);
          }
          lines.push(`  sealed files: ${Object.entries(files).map(([id, n]) => `${id}=${n}`).join(' ') || '(none)'}`);
          return lines.join('\n');
        });
      });
    });
  passOptions(
    keys
      .command('rotate')
      .description('make a new master key current (old ones retired), then re-wrap every sealed value under it')
      .option('--print-new-key', 'with ASSAY_MASTER_KEY: generate the new key and print it once (nothing is re-wrapped)'),
  ).action(async (flags: PassFlags & { printNewKey?: boolean }) => {
    const io = createIo(flags.output);
    await withAdmin(async ({ store, source, audit }) => {
      if (source.kind === 'env') return rotateEnvKey(io, source, audit, flags.printNewKey === true);
      const before = source.keyring();
      const keyring = rotateMasterKey({ keyFile: source.file! });
      await recordAudit(audit, keyEvent(keyring, { change: 'master-key.rotate', keyFile: source.file!, retired: before.ids }));
      await pass(io, store, keyring, source, audit, flags);
    });
  });
  passOptions(keys.command('rewrap').description('re-wrap every sealed value under the current key (after a rotation, or a new ASSAY_MASTER_KEY)')).action(
    async (flags: PassFlags) => {
      const io = createIo(flags.output);
      await withAdmin(({ store, source, audit }) => pass(io, store, source.keyring(), source, audit, flags));
    },
  );
}

function passOptions(cmd: Command): Command {
  return cmd
    .option('--drop-retired', 'after a full pass verified that no value references a retired key, remove the retired keys')
    .option('--batch-size <n>', 'rows per batch (each batch is its own transaction)', '200')
    .option('--seal-plaintext', 'also seal values written before encryption was on')
    .option('--output <mode>', 'text or json', 'text');
}

async function withAdmin(fn: (ctx: { store: KyselyStore; source: KeyringSource; audit: AuditLog }) => Promise<void>): Promise<void> {
  const store = await openStore();
  try {
    if (!(store instanceof KyselyStore)) throw new AssayError('INTERNAL', 'Key management needs a SQL store.', { hint: 'Open the store with openStore().' });
    const viewer = await currentUser({ store });
    requireRole(viewer, 'users.admin');
    await fn({ store, source: openKeyringSource(), audit: openAuditLog(store, { actor: viewer.id }) });
  } finally {
    await store.close();
  }
}

/** ASSAY_MASTER_KEY cannot be written by Assay: print the new key only when explicitly asked, and re-wrap nothing yet. */
async function rotateEnvKey(io: Io, source: KeyringSource, audit: AuditLog, printNewKey: boolean): Promise<void> {
  if (!printNewKey) {
    throw usage(
      'The master key comes from ASSAY_MASTER_KEY, which Assay cannot change.',
      'Put a new key first in the variable (ASSAY_MASTER_KEY=<new>,<old>, e.g. from `openssl rand -base64 32`), restart Assay processes, then run `assay keys rewrap --drop-retired`; or pass --print-new-key to have Assay generate the key and print it once.',
    );
  }
  const fresh = generateMasterKey();
  const value = fresh.key.export().toString('base64');
  const old = source.keyring();
  await recordAudit(audit, { action: 'config.change', object: { type: 'master-key', id: fresh.id, label: DEFAULT_LABEL }, details: { change: 'master-key.rotate', source: 'env', retired: old.ids } });
  const steps = [
    `1. Prepend the new key to ASSAY_MASTER_KEY for every Assay process: ASSAY_MASTER_KEY=${value},<current value>`,
    '2. Restart long-running Assay processes so they hold the new key.',
    '3. Run `assay keys rewrap --drop-retired`, then remove the retired entries (all but the first) from ASSAY_MASTER_KEY.',
  ];
  io.result({ source: 'env', newKeyId: fresh.id, newKey: value, retired: old.ids, steps }, () => [`new master key ${fresh.id} (shown once; store it like the current one):`, value, '', ...steps].join('\n'));
}

async function pass(io: Io, store: KyselyStore, keyring: Keyring, source: KeyringSource, audit: AuditLog, flags: PassFlags): Promise<void> {
  const batchSize = Number(flags.batchSize);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw usage(`--batch-size must be a positive integer, not "${flags.batchSize}".`);
  const result = await rewrapAll({ db: store.db, keyring, filesDir: reportsDir(), batchSize, sealPlaintext: flags.sealPlaintext === true });
  const failed = result.columns.reduce((s, c) => s + c.failed, 0) + result.files.failed;
  await recordAudit(audit, keyEvent(keyring, { change: 'master-key.rewrap', rewrapped: totals(result), failed, remaining: result.remaining }));
  let dropped: string[] = [];
  const clean = result.remaining.tokens === 0 && result.remaining.files === 0 && failed === 0;
  if (flags.dropRetired && clean && keyring.retired.length > 0) {
    dropped = keyring.retired.map((k) => k.id);
    if (source.kind === 'file') dropRetiredKeys({ keyFile: source.file!, ids: dropped });
    await recordAudit(audit, keyEvent(keyring, { change: 'master-key.drop-retired', dropped, source: source.kind }));
  }
  const json = { current: keyring.current.id, columns: result.columns.filter((c) => !c.absent).map(summary), files: result.files, remaining: result.remaining, failed, dropped };
  io.result(json, () => render(json, source));
  if (flags.dropRetired && !clean) {
    throw new AssayError('STORE_FAILURE', `Retired keys kept: after the pass ${result.remaining.tokens} column values and ${result.remaining.files} sealed files still reference another key (${failed} failed to re-wrap).`, {
      hint: 'Values written meanwhile by a process still holding the old key are re-wrapped by running `assay keys rewrap --drop-retired` again; failed ones are listed in --output json.',
    });
  }
  if (dropped.length > 0 && source.kind === 'env') io.log(`Now remove the retired keys (${dropped.join(', ')}) from ASSAY_MASTER_KEY: keep only its first entry.`);
}

function keyEvent(keyring: Keyring, details: Record<string, unknown>) {
  return { action: 'config.change' as const, object: { type: 'master-key', id: keyring.current.id, label: DEFAULT_LABEL }, details };
}

function totals(r: RewrapAllResult): Record<string, number> {
  return Object.fromEntries([...r.columns.filter((c) => !c.absent).map((c) => [`${c.table}.${c.column}`, c.rewrapped + c.sealed] as const), ['files', r.files.rewrapped] as const]);
}

function summary(c: ColumnRewrap) {
  return { table: c.table, column: c.column, rewrapped: c.rewrapped, sealed: c.sealed, skipped: c.skipped, failed: c.failed, errors: c.errors };
}

function render(json: { current: string; columns: ReturnType<typeof summary>[]; files: RewrapAllResult['files']; remaining: RewrapAllResult['remaining']; dropped: string[] }, source: KeyringSource): string {
  const lines = [`current key ${json.current} (${describeSource(source)})`];
  for (const c of json.columns) lines.push(`  ${c.table}.${c.column}: ${c.rewrapped} re-wrapped${c.sealed ? `, ${c.sealed} sealed` : ''}${c.skipped ? `, ${c.skipped} changed meanwhile` : ''}${c.failed ? `, ${c.failed} FAILED` : ''}`);
  lines.push(`  sealed files: ${json.files.rewrapped} re-wrapped${json.files.failed ? `, ${json.files.failed} FAILED` : ''}`);
  lines.push(`still under other keys: ${json.remaining.tokens} values, ${json.remaining.files} files`);
  if (json.dropped.length) lines.push(`dropped retired keys: ${json.dropped.join(', ')}`);
  return lines.join('\n');
}

function describeSource(source: KeyringSource): string {
  return source.kind === 'env' ? 'ASSAY_MASTER_KEY' : `key file ${source.file}`;
}
