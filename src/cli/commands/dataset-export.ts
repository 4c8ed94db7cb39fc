/** `assay dataset export <dataset> --format … --out …`: writes a dataset version out, with its dataset card. */
import type { Command } from 'commander';
import { createDatasetReader } from '../../data/dataset/index.js';
import { createLabelResultsReader } from '../../data/label/label-results-reader.js';
import { EXPORT_FORMATS, exportDataset, isExportFormat, type ExportResult } from '../../data/export/index.js';
import { createQaItemReader } from '../../data/synth/index.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { openStore } from '../../store/open-store.js';
import { currentUser } from '../current-user.js';
import { createIo, usage, type Io, type OutputMode } from '../output.js';

interface ExportFlags {
  format: string;
  version?: string;
  out: string;
  force?: boolean;
  maxLabel?: string;
  includeDuplicates?: boolean;
  keepPii?: boolean;
  task?: string;
  system?: string;
  output: OutputMode;
}

export function registerDatasetExport(dataset: Command): void {
  dataset
    .command('export')
    .description('write a dataset version as jsonl, parquet, retrieval corpus, eval, chat or preference data, with a dataset card')
    .argument('<dataset>', 'dataset name (see `assay dataset list`)')
    .option('--format <format>', EXPORT_FORMATS.join(' | '), 'jsonl')
    .option('--version <n>', 'dataset version (default: the latest)')
    .requiredOption('--out <path>', 'file to write (retrieval: a folder, or a prefix ending in - _ or .)')
    .option('--force', 'overwrite existing files')
    .option('--max-label <marking>', 'export only rows whose label this marking dominates (a releasable subset)')
    .option('--include-duplicates', 'also export chunks found to duplicate another')
    .option('--keep-pii', 'export PII as found instead of redacting it (recorded in the audit log)')
    .option('--task <id>', 'labelling task (chat from written responses; preference pairs)')
    .option('--system <text>', 'system message for chat rows')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (name: string, flags: ExportFlags) => {
      const io = createIo(flags.output);
      const format = flags.format;
      if (!isExportFormat(format)) throw usage(`Unknown export format "${format}".`, `Use one of: ${EXPORT_FORMATS.join(', ')}.`);
      const store = await openStore();
      try {
        const viewer = await currentUser({ store });
        const cipher = store.cipher;
        const result = await exportDataset(
          {
            dataset: name,
            version: flags.version,
            format,
            out: flags.out,
            force: flags.force ?? false,
            maxLabel: flags.maxLabel,
            includeDuplicates: flags.includeDuplicates ?? false,
            keepPii: flags.keepPii ?? false,
            task: flags.task,
            system: flags.system,
          },
          {
            datasets: createDatasetReader(store, cipher),
            qa: store instanceof KyselyStore ? createQaItemReader(store.db, cipher) : undefined,
            labels: createLabelResultsReader(store, cipher),
            audit: openAuditLog(store, { actor: viewer.id }),
            viewer,
          },
        );
        printResult(io, result);
      } finally {
        await store.close();
      }
    });
}

function printResult(io: Io, r: ExportResult): void {
  for (const w of r.warnings) io.log(`warning: ${w}`);
  io.result(
    { format: r.format, out: r.out, rows: r.rows, skipped: r.skipped, piiRedacted: r.piiRedacted, piiKept: r.piiKept, banner: r.banner, card: r.card, sha256: r.sha256, files: r.files, warnings: r.warnings },
    () =>
      [
        r.banner,
        `exported ${r.rows} rows (${r.format}) to ${r.out}`,
        ...r.files.map((f) => `  ${f.path}  sha256 ${f.sha256}`),
        `skipped: ${r.skipped.aboveMaxLabel} above --max-label, ${r.skipped.duplicates} duplicates`,
        `PII ${Object.keys(r.piiKept).length > 0 ? 'KEPT' : 'redacted'}: ${Object.entries(Object.keys(r.piiKept).length > 0 ? r.piiKept : r.piiRedacted).map(([t, n]) => `${t} ${n}`).join(', ') || 'none found'}`,
        `card: ${r.card.join(', ')}`,
        r.banner,
      ].join('\n'),
  );
}
