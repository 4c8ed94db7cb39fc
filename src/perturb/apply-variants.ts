/** The engine's one hook for robustness and attack variants: expanded samples, and the paraphrase solver first. */
import type { Sample } from '../dataset/sample.js';
import { AssayError } from '../errors/index.js';
import type { Solver } from '../solvers/solver.js';
import { PARAPHRASER_ROLE, paraphraseSolver } from './builtin/paraphrase.js';
import { expandSamples, type SkippedVariant, type VariantSettings } from './expand-samples.js';
import { variantSeed } from './random.js';

/**
 * Expands `samples` by the task's perturbations and converters (see `expandSamples`), tells the user which
 * variants were skipped, and, when `paraphrase` is asked for, checks that the `paraphraser` role has a model and
 * puts the paraphrase solver at the head of the chain. A task with neither setting comes back unchanged.
 */
export function applyVariants(args: {
  samples: readonly Sample[];
  solvers: readonly Solver[];
  task: VariantSettings;
  hasRole: (role: string) => boolean;
  notice: (message: string) => void;
}): { samples: Sample[]; solvers: Solver[] } {
  const { samples, skipped } = expandSamples(args.samples, args.task);
  for (const line of skippedNotices(skipped)) args.notice(line);
  const perturbations = args.task.perturbations;
  if (!perturbations?.names.includes('paraphrase')) return { samples, solvers: [...args.solvers] };
  if (!args.hasRole(PARAPHRASER_ROLE)) {
    throw new AssayError('CONFIG_INVALID', 'The paraphrase perturbation needs a model in the "paraphraser" role, and none is set.', {
      hint: 'Name one in the task (roles: { paraphraser: <provider>/<model> }) or with --model-role paraphraser=<provider>/<model>.',
      where: { field: 'perturbations.names' },
    });
  }
  const solver = paraphraseSolver({ seedOf: (id) => variantSeed(perturbations.seed, 'paraphrase', id) });
  return { samples, solvers: [solver, ...args.solvers] };
}

/** One line per skipped variant kind, naming up to three samples. */
function skippedNotices(skipped: readonly SkippedVariant[]): string[] {
  const byVariant = new Map<string, SkippedVariant[]>();
  for (const s of skipped) byVariant.set(s.variant, [...(byVariant.get(s.variant) ?? []), s]);
  return [...byVariant.entries()].map(([variant, list]) => {
    const shown = list.slice(0, 3).map((s) => `${s.sampleId} (${s.reason})`).join(', ');
    const more = list.length > 3 ? `, and ${list.length - 3} more` : '';
    return `perturbation ${variant}: skipped ${list.length} sample${list.length === 1 ? '' : 's'}: ${shown}${more}; see metadata skipped_variants`;
  });
}
