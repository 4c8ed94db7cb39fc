/** `assay compare <runA> <runB>`: paired per-sample differences with standard error and interval. */
import type { Command } from 'commander';
import { compareRunsFor } from '../../eval/compare.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { openStore } from '../../store/open-store.js';
import { currentUser } from '../current-user.js';
import { createIo, type OutputMode } from '../output.js';

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare two runs sample by sample (B − A, paired)')
    .argument('<runA>')
    .argument('<runB>')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (runA: string, runB: string, flags: { output: OutputMode }) => {
      const io = createIo(flags.output);
      const store = await openStore();
      try {
        const viewer = await currentUser({ store });
        const result = await compareRunsFor(viewer, store, runA, runB, { audit: openAuditLog(store, { actor: viewer.id }) });
        io.result(result, () =>
          [result.label, `B = ${runB} vs A = ${runA} (paired by sample id)`, ...result.comparisons.map((c) => {
            const f = (x: number | null) => (x === null ? '—' : x.toFixed(3));
            const ci = c.ci ? ` [${f(c.ci[0])}, ${f(c.ci[1])}]` : '';
            const se = c.stderr === null ? '' : ` ± ${f(c.stderr)}`;
            const rho = c.correlation === null ? '' : `, correlation ${f(c.correlation)}`;
            return `  ${c.scorer}: A ${f(c.meanA)}  B ${f(c.meanB)}  diff ${f(c.diff)}${se}${ci} (n=${c.n}${rho}${c.unpaired ? `, ${c.unpaired} unpaired` : ''})`;
          }), result.label].join('\n'),
        );
      } finally {
        await store.close();
      }
    });
}
