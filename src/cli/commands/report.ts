/** `assay report <runId> --format html|md|json|junit [--out file]`: writes a self-contained report. */
import type { Command } from 'commander';
import { writeRunReport } from '../../report/write-run-report.js';
import { REPORT_FORMATS, type ReportFormat } from '../../report/index.js';
import { openStore } from '../../store/open-store.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { currentUser } from '../current-user.js';
import { createIo, usage, type OutputMode } from '../output.js';

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write a report of a run')
    .argument('<runId>', 'the run (see `assay runs`)')
    .option('--format <format>', `one of ${REPORT_FORMATS.join(', ')}`, 'html')
    .option('--out <file>', 'write a plaintext copy here (an audited export); default: sealed at rest as $ASSAY_HOME/reports/<runId>.<ext>.enc')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (runId: string, flags: { format: string; out?: string; output: OutputMode }) => {
      const io = createIo(flags.output);
      if (!(REPORT_FORMATS as readonly string[]).includes(flags.format)) throw usage(`Unknown report format "${flags.format}".`, `Use one of: ${REPORT_FORMATS.join(', ')}.`);
      const store = await openStore();
      try {
        const viewer = await currentUser({ store });
        const out = await writeRunReport({ store, runId, format: flags.format as ReportFormat, out: flags.out, audit: openAuditLog(store, { actor: viewer.id }), viewer });
        io.result({ runId, label: out.label, format: flags.format, path: out.path, bytes: out.bytes }, () => `${out.label}\nwrote ${out.path} (${out.bytes} bytes)`);
      } finally {
        await store.close();
      }
    });
}
