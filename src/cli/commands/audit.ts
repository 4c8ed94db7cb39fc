/** `assay audit verify|export|checkpoint`: checks, ships and signs the tamper-evident audit log. */
import type { Command } from 'commander';
import { DEFAULT_LABEL } from '../../dataset/sample.js';
import { requireRole } from '../../governance/access/require-role.js';
import { AUDIT_EXPORT_FORMATS, exportAuditLog, isAuditExportFormat, openAuditLog, type AuditLog, type AuditVerifyResult } from '../../governance/audit/index.js';
import { openStore } from '../../store/open-store.js';
import { currentUser } from '../current-user.js';
import { createIo, usage, type Io, type OutputMode } from '../output.js';

const FORMATS = Object.keys(AUDIT_EXPORT_FORMATS).join('|');

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('verify, export and sign the tamper-evident audit log');
  audit
    .command('verify')
    .description('replay the hash chain and check the signed checkpoints; exit 1 when tampered')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (flags: { output: OutputMode }) => {
      const io = createIo(flags.output);
      const result = await withAuditLog((log) => log.verify());
      printVerdict(result, io);
      if (!result.ok) process.exitCode = 1;
    });
  audit
    .command('export')
    .description('write the log for an external collector (SIEM)')
    .requiredOption('--format <format>', FORMATS)
    .requiredOption('--out <file>', 'file to write')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (flags: { format: string; out: string; output: OutputMode }) => {
      const io = createIo(flags.output);
      const format = flags.format;
      if (!isAuditExportFormat(format)) throw usage(`Unknown audit export format "${format}".`, `Use one of: ${FORMATS}.`);
      const out = await withAuditLog(async (log) => {
        const written = await exportAuditLog({ log, format, out: flags.out });
        // Reading the audit trail is itself audited (AU-9); the entry lands after the exported ones.
        await log.append({ action: 'export', object: { type: 'audit_log', id: 'audit_log', label: DEFAULT_LABEL }, details: { format, path: written.path, lines: written.lines } });
        return written;
      });
      io.result({ format, path: out.path, lines: out.lines }, () => `wrote ${out.path} (${out.lines} lines, ${format})`);
    });
  audit
    .command('checkpoint')
    .description('sign the current head of the log (after verifying it)')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (flags: { output: OutputMode }) => {
      const io = createIo(flags.output);
      const outcome = await withAuditLog(async (log) => {
        const verdict = await log.verify();
        return verdict.ok ? { verdict, checkpoint: await log.checkpoint() } : { verdict, checkpoint: undefined };
      });
      if (!outcome.verdict.ok) {
        printVerdict(outcome.verdict, io);
        io.log('error: refusing to sign a checkpoint over a tampered log.');
        process.exitCode = 1;
        return;
      }
      const c = outcome.checkpoint;
      io.result({ checkpoint: c ?? null }, () => (c ? `checkpoint at entry ${c.seq}: ${c.hash}\n  key ${c.keyId}\n  signature ${c.signature}` : 'The audit log is empty: nothing to sign.'));
    });
}

async function withAuditLog<T>(fn: (log: AuditLog) => Promise<T>): Promise<T> {
  const store = await openStore();
  try {
    const user = await currentUser({ store });
    requireRole(user, 'audit.read');
    return await fn(openAuditLog(store, { actor: user.id }));
  } finally {
    await store.close();
  }
}

function printVerdict(r: AuditVerifyResult, io: Io): void {
  io.result(r, () =>
    r.ok
      ? `audit log OK: ${r.entries} entries, ${r.checkpoints} signed checkpoints`
      : `audit log TAMPERED at entry ${r.firstBad?.seq}: ${r.firstBad?.reason}\n(${r.entries} entries, ${r.checkpoints} signed checkpoints)`,
  );
}
