/** `assay ingest <path>… --dataset <name>`: files in, versioned chunks out; bad files are listed, the batch goes on. */
import type { Command } from 'commander';
import { ingest, parseIngestOptions, type IngestSummary } from '../../data/ingest/index.js';
import { loadFixedWidthSchema } from '../../data/parse/fixed-width/index.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { keyringCipher } from '../../governance/crypto/field-cipher.js';
import { loadKeyring } from '../../governance/crypto/load-keyring.js';
import { openStore } from '../../store/open-store.js';
import { currentUser } from '../current-user.js';
import { withInterrupt } from '../interrupt.js';
import { createIo, type OutputMode } from '../output.js';

interface IngestFlags {
  dataset: string;
  format?: string;
  recordSchema?: string;
  ocr: boolean;
  chunk: string;
  maxChars: string;
  overlap: string;
  combineUnder: string;
  unmarkedLabel: string;
  output: OutputMode;
}

/** A number flag, or the raw text so the options schema names it in its error. */
const num = (v: string): number | string => (/^\d+$/.test(v) ? Number(v) : v);

function summaryText(s: IngestSummary): string {
  const lines = [
    s.version === null ? `dataset ${s.dataset}: no version yet` : `dataset ${s.dataset} version ${s.version}${s.versionCreated ? ' (new)' : ' (unchanged)'}  [${s.label}]`,
    `  files       ${s.files}  (${s.skipped} unchanged, skipped)`,
    `  documents   ${s.documents}`,
    `  chunks      ${s.chunks}`,
    `  duplicates  ${s.duplicates.exact} exact, ${s.duplicates.near} near`,
    `  units       ${s.units}  (${s.bytes} bytes in ${s.seconds} s)`,
    `  errors      ${s.errors.length}`,
    ...s.errors.map((e) => `error ${e.path}: ${e.reason}`),
  ];
  return lines.join('\n');
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('ingest files, folders (recursive) and globs into a versioned dataset')
    .argument('<paths...>', 'files, folders or quoted globs')
    .requiredOption('--dataset <name>', 'dataset to add to (created on first use)')
    .option('--format <format>', 'force the format of the named files (e.g. fixed_width, text)')
    .option('--record-schema <file>', 'fixed-width record layout (JSON or YAML); implies --format fixed_width')
    .option('--no-ocr', 'do not OCR scanned pages')
    .option('--chunk <strategy>', 'basic or by_title', 'by_title')
    .option('--max-chars <n>', 'hard maximum characters per chunk', '1500')
    .option('--overlap <n>', 'characters repeated between pieces of a split element', '0')
    .option('--combine-under <n>', 'by_title: combine sections shorter than this', '500')
    .option('--unmarked-label <marking>', 'label of unmarked content (set the system high on a classified network)', 'UNCLASSIFIED')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (paths: string[], flags: IngestFlags) => {
      const io = createIo(flags.output);
      // Checked here, so a bad layout is one error naming file:line:col rather than one error per file.
      const recordSchema = flags.recordSchema ? await loadFixedWidthSchema(flags.recordSchema) : undefined;
      const options = parseIngestOptions({
        paths,
        dataset: flags.dataset,
        ...(flags.format ? { format: flags.format } : {}),
        ...(recordSchema !== undefined ? { recordSchema } : {}),
        ocr: flags.ocr,
        chunk: { strategy: flags.chunk, maxChars: num(flags.maxChars), overlap: num(flags.overlap), combineUnderChars: num(flags.combineUnder) },
        unmarkedLabel: flags.unmarkedLabel,
      });
      const store = await openStore();
      try {
        const actor = await currentUser({ store });
        const summary = await withInterrupt(io, (signal) =>
          ingest(options, {
            db: store,
            cipher: keyringCipher(loadKeyring()),
            actor,
            audit: openAuditLog(store, { actor: actor.id }),
            signal,
            ...(process.stderr.isTTY && flags.output === 'text' ? { onFile: (e) => io.log(`[${e.index + 1}/${e.total}] ${e.status.padEnd(7)} ${e.path}`) } : {}),
          }),
        );
        io.result(summary, () => summaryText(summary));
      } finally {
        await store.close();
      }
    });
}
