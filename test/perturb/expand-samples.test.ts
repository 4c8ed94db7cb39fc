// The expansion hook: ids, metadata, counts, order, skipped variants, and the same result every time (resume-safe).
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/dataset/sample.js';
import { applyVariants } from '../../src/perturb/apply-variants.js';
import { expandSamples, variantId } from '../../src/perturb/expand-samples.js';
import type { Solver } from '../../src/solvers/solver.js';

const mk = (id: string, metadata: Record<string, unknown> = {}): Sample => ({ id, input: `Question ${id}: what is it? It is not known.`, target: 'x', metadata, label: 'UNCLASSIFIED' });
const samples = [mk('a', { key_fact: 'It is not known.', group: 'g1' }), mk('b'), mk('c', { key_fact: 'It is not known.' })];
const settings = { perturbations: { names: ['typos', 'casing', 'missing_info'] as const, seed: 7, rate: 0.2 } };

describe('expandSamples', () => {
  it('puts each original first, then one variant per perturbation, skipping what cannot be made', () => {
    const { samples: out, skipped } = expandSamples(samples, { perturbations: { ...settings.perturbations, names: [...settings.perturbations.names] } });
    expect(out.map((s) => s.id)).toEqual(['a', 'a~typos', 'a~casing', 'a~missing_info', 'b', 'b~typos', 'b~casing', 'c', 'c~typos', 'c~casing', 'c~missing_info']);
    expect(skipped).toEqual([{ sampleId: 'b', variant: 'missing_info', reason: 'no metadata "key_fact"' }]);
  });

  it('tags originals with perturbation none and variants with their perturbation, both with original_id', () => {
    const { samples: out } = expandSamples(samples, { perturbations: { ...settings.perturbations, names: [...settings.perturbations.names] } });
    const byId = new Map(out.map((s) => [s.id, s]));
    expect(byId.get('a')!.metadata).toEqual({ key_fact: 'It is not known.', group: 'g1', perturbation: 'none', original_id: 'a' });
    expect(byId.get('a~casing')!.metadata).toEqual({ key_fact: 'It is not known.', group: 'g1', perturbation: 'casing', original_id: 'a' });
    expect(byId.get('a~casing')!.input).toBe('question a: what is it? it is not known.');
    expect(byId.get('b')!.metadata).toEqual({ perturbation: 'none', original_id: 'b', skipped_variants: { missing_info: 'no metadata "key_fact"' } });
    expect(byId.get('a')!.input).toBe(samples[0]!.input);
  });

  it('gives the same variants every time, whatever other samples are in the run (resume, --limit)', () => {
    const names = [...settings.perturbations.names];
    const all = expandSamples(samples, { perturbations: { ...settings.perturbations, names } });
    const again = expandSamples(samples, { perturbations: { ...settings.perturbations, names } });
    expect(again).toEqual(all);
    const onlyC = expandSamples([samples[2]!], { perturbations: { ...settings.perturbations, names } });
    expect(onlyC.samples).toEqual(all.samples.filter((s) => s.metadata['original_id'] === 'c'));
    const otherSeed = expandSamples(samples, { perturbations: { ...settings.perturbations, names, seed: 8 } });
    expect(otherSeed.samples.map((s) => s.id)).toEqual(all.samples.map((s) => s.id));
    expect(otherSeed.samples.find((s) => s.id === 'a~typos')!.input).not.toBe(all.samples.find((s) => s.id === 'a~typos')!.input);
  });

  it('adds converter variants after the perturbations, tagged `converter`', () => {
    const { samples: out } = expandSamples([mk('a')], { perturbations: { names: ['casing'], seed: 0, rate: 0.1 }, converters: ['rot13', 'leetspeak'] });
    expect(out.map((s) => [s.id, s.metadata])).toEqual([
      ['a', { perturbation: 'none', converter: 'none', original_id: 'a' }],
      ['a~casing', { perturbation: 'casing', original_id: 'a' }],
      ['a~rot13', { converter: 'rot13', original_id: 'a' }],
      ['a~leetspeak', { converter: 'leetspeak', original_id: 'a' }],
    ]);
    expect(out[3]!.input).toBe('Qu35710n 4: wh47 15 17? 17 15 n07 kn0wn.');
  });

  it('returns the samples unchanged without perturbations or converters, and ignores repeated names', () => {
    expect(expandSamples(samples, {}).samples).toEqual(samples);
    expect(expandSamples([mk('a')], { converters: ['rot13', 'rot13'] }).samples.map((s) => s.id)).toEqual(['a', 'a~rot13']);
  });

  it('refuses a dataset whose ids collide with variant ids', () => {
    expect(() => expandSamples([mk('a'), mk(variantId('a', 'casing'))], { perturbations: { names: ['casing'], seed: 0, rate: 0.1 } })).toThrow(
      expect.objectContaining({ code: 'DATASET_INVALID', message: expect.stringContaining('"a~casing" is used twice') }),
    );
  });
});

describe('applyVariants (the engine hook)', () => {
  const chain: Solver[] = [{ name: 'generate', solve: async (s) => s }];

  it('leaves a task with no variants alone', () => {
    const out = applyVariants({ samples, solvers: chain, task: {}, hasRole: () => false, notice: () => {} });
    expect(out.samples).toEqual(samples);
    expect(out.solvers.map((s) => s.name)).toEqual(['generate']);
  });

  it('tells the user which variants were skipped', () => {
    const notices: string[] = [];
    applyVariants({ samples, solvers: chain, task: { perturbations: { names: ['missing_info'], seed: 0, rate: 0.1 } }, hasRole: () => false, notice: (m) => notices.push(m) });
    expect(notices).toEqual(['perturbation missing_info: skipped 1 sample: b (no metadata "key_fact"); see metadata skipped_variants']);
  });

  it('puts the paraphrase solver first, and needs a paraphraser model', () => {
    const task = { perturbations: { names: ['paraphrase' as const], seed: 0, rate: 0.1 } };
    const out = applyVariants({ samples, solvers: chain, task, hasRole: (r) => r === 'paraphraser', notice: () => {} });
    expect(out.solvers.map((s) => s.name)).toEqual(['paraphrase', 'generate']);
    expect(() => applyVariants({ samples, solvers: chain, task, hasRole: () => false, notice: () => {} })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
