/** The *-property ("no write down"): whatever is derived from labelled inputs carries their roll-up. */
import { AssayError } from '../../errors/index.js';
import { dominates, parseMarking, rollup } from '../../markings/index.js';

/** The label of something made from nothing labelled. */
const BOTTOM = 'UNCLASSIFIED';

/**
 * The banner for an artifact derived from `inputLabels`: their least upper bound. Throws CONFIG_INVALID when an
 * input has no readable marking or the roll-up cannot carry every input (e.g. NATO ATOMAL in a US banner), since
 * dropping either would write down.
 * @example derivedLabel(['(S//NF)', 'CONFIDENTIAL//REL TO USA, GBR']) // 'SECRET//NOFORN'
 */
export function derivedLabel(inputLabels: readonly string[]): string {
  if (inputLabels.length === 0) return BOTTOM;
  const unreadable = inputLabels.find((l) => parseMarking(l.trim(), { form: 'any' }).marking === null);
  if (unreadable !== undefined) throw refused(`input label "${unreadable}" is not a readable marking`);
  const { banner } = rollup(inputLabels);
  if (banner === null) throw refused('the inputs could not be rolled up');
  const under = inputLabels.find((l) => !dominates(banner, l));
  if (under !== undefined) throw refused(`the roll-up ${banner} does not cover input "${under}"`);
  return banner;
}

function refused(why: string): AssayError {
  return new AssayError('CONFIG_INVALID', `Cannot label the derived artifact: ${why}.`, {
    hint: 'Fix the input labels (assay markings check), or have the artifact labelled by hand through a reviewed downgrade.',
  });
}
