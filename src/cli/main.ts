/** The `assay` command line: parses arguments, calls core services, prints results; no business rules here. */
import { Command, CommanderError } from 'commander';
import { guardProcessEgress } from '../governance/egress/index.js';
import { ASSAY_VERSION } from '../version.js';
import { GateFailure, reportError, type OutputMode } from './output.js';
import { registerAudit } from './commands/audit.js';
import { registerCompare } from './commands/compare.js';
import { registerDataset } from './commands/dataset.js';
import { registerDowngrade } from './commands/downgrade.js';
import { registerEval } from './commands/eval.js';
import { registerIngest } from './commands/ingest.js';
import { registerJudge } from './commands/judge.js';
import { registerKeys } from './commands/keys.js';
import { registerLabel } from './commands/label.js';
import { registerMarkings } from './commands/markings.js';
import { registerQuickstart } from './commands/quickstart.js';
import { registerReport } from './commands/report.js';
import { registerRuns } from './commands/runs.js';
import { registerServe } from './commands/serve.js';
import { registerSuites } from './commands/suites.js';
import { registerUsers } from './commands/users.js';

function outputMode(argv: readonly string[]): OutputMode {
  const i = argv.findIndex((a) => a === '--output' || a.startsWith('--output='));
  if (i < 0) return 'text';
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v === 'json' ? 'json' : 'text';
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('assay')
    .description('Assay: test and evaluation of AI models, on your own machines')
    .version(ASSAY_VERSION)
    // Root options (--version, --help) only before the verb, so verbs may have their own --version (dataset export).
    .enablePositionalOptions()
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  for (const register of [registerQuickstart, registerEval, registerRuns, registerReport, registerCompare, registerSuites, registerJudge, registerMarkings, registerAudit, registerDataset, registerServe, registerUsers, registerDowngrade, registerKeys, registerLabel, registerIngest]) register(program);
  for (const cmd of program.commands) cmd.exitOverride();
  const mode = outputMode(argv);
  try {
    // Air-gap: from here on every outbound connection must go to a configured model endpoint (or ASSAY_EGRESS_ALLOW).
    guardProcessEgress();
    await program.parseAsync([...argv], { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
      return 2;
    }
    if (err instanceof GateFailure) {
      process.stderr.write(`gate failed: ${err.message}\n`);
      return 1;
    }
    return reportError(err, mode);
  }
}

process.exitCode = await main(process.argv.slice(2));
