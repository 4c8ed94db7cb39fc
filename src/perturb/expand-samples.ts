/** Expands each sample into the original plus one variant per perturbation and per attack converter. */
import type { Sample } from '../dataset/sample.js';
import { AssayError } from '../errors/index.js';
import { CONVERTERS } from '../redteam/converters/converters.js';
import type { ConverterName } from '../redteam/converters/names.js';
import { ORIGINAL_VARIANT, type PerturbationName } from './names.js';
import { PERTURBATIONS } from './perturbations.js';
import { variantSeed } from './random.js';
import { rewriteSampleText } from './text-edits.js';

/** What to expand by: the task's `perturbations` and `converters`. */
export interface VariantSettings {
  perturbations?: { names: readonly PerturbationName[]; seed: number; rate: number };
  converters?: readonly ConverterName[];
}

/** A variant that could not be made (e.g. missing_info on a sample with no key fact). */
export interface SkippedVariant {
  sampleId: string;
  variant: string;
  reason: string;
}

export interface ExpandedSamples {
  samples: Sample[];
  skipped: SkippedVariant[];
}

/** The id of a sample's variant: `<id>~<perturbation or converter>`. */
export function variantId(sampleId: string, variant: string): string {
  return `${sampleId}~${variant}`;
}

/**
 * Returns, for each sample in order, the original then its perturbation variants then its converter variants.
 * Variants get id `<id>~<name>` and metadata `{ perturbation | converter: name, original_id }`; the original
 * keeps its id and gets `perturbation`/`converter: 'none'` and `original_id`, and, when some of its variants
 * were skipped, `skipped_variants: { <name>: <reason> }`. Pure and deterministic: every seed is
 * `variantSeed(perturbations.seed ?? 0, name, sample id)`, converters included, so a resumed or re-limited run gets
 * the same ids and the same prompts. `--limit` applies before expansion (it counts original items).
 * @example expandSamples(samples, { perturbations: { names: ['typos'], seed: 0, rate: 0.1 } })
 */
export function expandSamples(samples: readonly Sample[], settings: VariantSettings): ExpandedSamples {
  const perturbations = [...new Set(settings.perturbations?.names ?? [])];
  const converters = [...new Set(settings.converters ?? [])];
  if (perturbations.length === 0 && converters.length === 0) return { samples: [...samples], skipped: [] };
  const seed = settings.perturbations?.seed ?? 0;
  const rate = settings.perturbations?.rate ?? 0.1;
  const out: Sample[] = [];
  const skipped: SkippedVariant[] = [];
  for (const sample of samples) {
    const variants: Sample[] = [];
    const skippedHere: Record<string, string> = {};
    for (const name of perturbations) {
      const result = PERTURBATIONS[name].perturb(sample, { seed: variantSeed(seed, name, sample.id), rate });
      if (result.ok) variants.push(tag(result.sample, sample.id, 'perturbation', name));
      else skippedHere[name] = result.reason;
    }
    for (const name of converters) {
      const converted = rewriteSampleText(sample, (text) => CONVERTERS[name].convert(text, { seed: variantSeed(seed, name, sample.id) }));
      variants.push(tag(converted, sample.id, 'converter', name));
    }
    const originalTags: Record<string, unknown> = { original_id: sample.id };
    if (perturbations.length > 0) originalTags['perturbation'] = ORIGINAL_VARIANT;
    if (converters.length > 0) originalTags['converter'] = ORIGINAL_VARIANT;
    if (Object.keys(skippedHere).length > 0) originalTags['skipped_variants'] = skippedHere;
    out.push({ ...sample, metadata: { ...sample.metadata, ...originalTags } }, ...variants);
    for (const [variant, reason] of Object.entries(skippedHere)) skipped.push({ sampleId: sample.id, variant, reason });
  }
  checkUnique(out);
  return { samples: out, skipped };
}

function tag(sample: Sample, originalId: string, key: 'perturbation' | 'converter', name: string): Sample {
  return { ...sample, id: variantId(originalId, name), metadata: { ...sample.metadata, [key]: name, original_id: originalId } };
}

function checkUnique(samples: readonly Sample[]): void {
  const seen = new Set<string>();
  for (const s of samples) {
    if (seen.has(s.id)) {
      throw new AssayError('DATASET_INVALID', `Sample id "${s.id}" is used twice once perturbation/converter variants are added.`, {
        hint: 'Variant ids are <id>~<name>; rename dataset ids that already contain "~<perturbation or converter name>".',
      });
    }
    seen.add(s.id);
  }
}
