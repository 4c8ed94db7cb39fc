/** `assay suites`: built-in suites by dimension. */
import type { Command } from 'commander';
import { listSuites } from '../../suites/registry.js';
import { createIo, type OutputMode } from '../output.js';

export function registerSuites(program: Command): void {
  program
    .command('suites')
    .description('list built-in suites by dimension')
    .option('--output <mode>', 'text or json', 'text')
    .action((flags: { output: OutputMode }) => {
      const suites = listSuites();
      createIo(flags.output).result({ suites }, () => suites.map((s) => `${s.name.padEnd(16)} ${s.dimension.padEnd(12)} v${s.version}  ${s.items} items  ${s.card.purpose}`).join('\n'));
    });
}
