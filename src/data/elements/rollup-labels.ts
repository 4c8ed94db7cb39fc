/** Rolls element or chunk labels up to one label (the least upper bound), ignoring unmarked ('') entries. */
import { AssayError } from '../../errors/index.js';
import { dominates, rollup } from '../../markings/index.js';

/**
 * The banner-form roll-up of `labels`; '' when none is marked. Throws DATASET_INVALID when a label cannot be read,
 * rather than return something that might be lower than an input.
 * @example rollupLabels(['UNCLASSIFIED', 'SECRET//NOFORN']) // 'SECRET//NOFORN'
 */
export function rollupLabels(labels: readonly string[]): string {
  const marked = [...new Set(labels.filter((l) => l !== ''))];
  if (marked.length === 0) return '';
  if (marked.length === 1) return marked[0]!;
  const result = rollup(marked);
  if (result.banner === null) {
    throw new AssayError('DATASET_INVALID', `Cannot roll up labels ${JSON.stringify(marked)}: ${result.errors.map((e) => e.message).join('; ')}.`, {
      hint: 'Labels must be normalised markings; assign them with labelElements.',
    });
  }
  // A roll-up that does not cover every input would write down (e.g. a NATO marking beside a US one): refuse it.
  const uncovered = marked.find((l) => !dominates(result.banner!, l));
  if (uncovered !== undefined) {
    throw new AssayError('DATASET_INVALID', `Cannot roll up labels ${JSON.stringify(marked)} without lowering "${uncovered}" (the roll-up would be ${result.banner}).`, {
      hint: 'Mixed marking systems (e.g. NATO and US) cannot share one banner; mark the document per the governing security agreement, or split it.',
    });
  }
  return result.banner;
}
