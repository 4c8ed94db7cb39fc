/** `assay runs`: lists runs, newest first. */
import type { Command } from 'commander';
import { openStore } from '../../store/open-store.js';
import { createIo, type OutputMode } from '../output.js';

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('list runs, newest first')
    .option('--limit <n>', 'at most n runs', '50')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (flags: { limit: string; output: OutputMode }) => {
      const io = createIo(flags.output);
      const store = await openStore();
      try {
        const runs = await store.listRuns({ limit: Math.max(1, Number(flags.limit) || 50) });
        const rows = runs.map((r) => ({
          id: r.id, task: r.task, model: r.model, status: r.status, label: r.label, createdAt: r.createdAt, finishedAt: r.finishedAt ?? null,
          samples: (r.metrics as { samples?: unknown } | undefined)?.samples ?? null,
          metrics: (r.metrics as { metrics?: unknown } | undefined)?.metrics ?? null,
        }));
        io.result({ runs: rows }, () =>
          rows.length === 0 ? 'No runs yet. Try `assay quickstart`.' : rows.map((r) => `${r.id}  ${r.status.padEnd(11)}  ${r.task}  ${r.model}  ${r.createdAt}`).join('\n'),
        );
      } finally {
        await store.close();
      }
    });
}
