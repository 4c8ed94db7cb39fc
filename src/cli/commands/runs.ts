/** `assay runs [show|export]`: lists the runs the user may read, shows one, or exports one; the core enforces access. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { getRunFor, listRunsFor, type LabelledRun } from '../../governance/access/runs/index.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { exportRunFor } from '../../eval/run-export.js';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { currentUser } from '../current-user.js';
import { createIo, type Io, type OutputMode } from '../output.js';

const summary = (r: LabelledRun) => ({
  id: r.id, task: r.task, model: r.model, status: r.status, label: r.label, createdAt: r.createdAt, finishedAt: r.finishedAt ?? null,
  samples: (r.metrics as { samples?: unknown } | undefined)?.samples ?? null,
  metrics: (r.metrics as { metrics?: unknown } | undefined)?.metrics ?? null,
});

async function withStore(mode: OutputMode, fn: (store: Store, io: Io) => Promise<void>): Promise<void> {
  const store = await openStore();
  try {
    await fn(store, createIo(mode));
  } finally {
    await store.close();
  }
}

export function registerRuns(program: Command): void {
  const runs = program
    .command('runs')
    .description('list the runs you may read, newest first (show, export: one run)')
    .option('--limit <n>', 'at most n runs', '50')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (flags: { limit: string; output: OutputMode }) =>
      withStore(flags.output, async (store, io) => {
        const viewer = await currentUser({ store });
        const rows = (await listRunsFor(viewer, store, { limit: Math.max(1, Number(flags.limit) || 50), audit: openAuditLog(store, { actor: viewer.id }) })).map(summary);
        io.result({ runs: rows }, () =>
          rows.length === 0 ? 'No runs yet. Try `assay quickstart`.' : rows.map((r) => `${r.id}  ${r.status.padEnd(11)}  ${r.task}  ${r.model}  ${r.createdAt}  [${r.label}]`).join('\n'),
        );
      }),
    );

  runs
    .command('show')
    .description('show one run with its label and metrics')
    .argument('<runId>')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (runId: string, flags: { output: OutputMode }) =>
      withStore(flags.output, async (store, io) => {
        const viewer = await currentUser({ store });
        const run = await getRunFor(viewer, store, runId, { audit: openAuditLog(store, { actor: viewer.id }), verb: 'show' });
        const row = { ...summary(run), taskLabel: run.declaredLabel, taskHash: run.taskHash, datasetHash: run.datasetHash, error: run.error ?? null };
        io.result({ run: row }, () =>
          [run.label, `run ${run.id} ${run.status}: task ${run.task} on ${run.model}`, `created ${run.createdAt}${run.finishedAt ? `, finished ${run.finishedAt}` : ''}`,
            ...(run.error ? [`error: ${run.error}`] : []), run.label].join('\n'),
        );
      }),
    );

  runs
    .command('export')
    .description('export a run (results, transcripts, metrics) as one JSON file under its classification')
    .argument('<runId>')
    .requiredOption('--out <file>', 'where to write the JSON')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (runId: string, flags: { out: string; output: OutputMode }) =>
      withStore(flags.output, async (store, io) => {
        const viewer = await currentUser({ store });
        const doc = await exportRunFor(viewer, store, runId, { audit: openAuditLog(store, { actor: viewer.id }) });
        const text = `${JSON.stringify(doc, null, 2)}\n`;
        await writeFile(flags.out, text, { encoding: 'utf8', mode: 0o600 });
        io.result({ runId, label: doc.classification, path: flags.out, bytes: Buffer.byteLength(text) }, () => `${doc.classification}\nwrote ${flags.out} (${Buffer.byteLength(text)} bytes)`);
      }),
    );
}
