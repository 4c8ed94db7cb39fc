// Each perturbation: deterministic for a seed, and does what it says.
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/dataset/sample.js';
import { KEYBOARD_NEIGHBOURS } from '../../src/perturb/builtin/typos.js';
import { FILLER_SENTENCES } from '../../src/perturb/builtin/filler-sentences.js';
import { IRRELEVANT_SENTENCES } from '../../src/perturb/builtin/irrelevant-context.js';
import { WHITESPACE_RUNS } from '../../src/perturb/builtin/whitespace.js';
import { PERTURBATION_NAMES } from '../../src/perturb/names.js';
import type { PerturbResult } from '../../src/perturb/perturbation.js';
import { PERTURBATIONS } from '../../src/perturb/perturbations.js';

const sample = (input: Sample['input'], extra: Partial<Sample> = {}): Sample => ({ id: 's1', input, target: '5', metadata: {}, label: 'UNCLASSIFIED', ...extra });
const text = (r: PerturbResult): string => {
  if (!r.ok) throw new Error(`skipped: ${r.reason}`);
  if (typeof r.sample.input !== 'string') throw new Error('chat input');
  return r.sample.input;
};
const QUESTION = "Item 1: Tom has three apples. He doesn't buy more. What is the total number of apples Tom owns? Café résumé";

describe('every perturbation', () => {
  it.each(PERTURBATION_NAMES)('%s: is registered under its own name, and gives the same result for the same seed', (name) => {
    const p = PERTURBATIONS[name];
    expect(p.name).toBe(name);
    expect(p.description.length).toBeGreaterThan(10);
    const s = sample(QUESTION, { metadata: { key_fact: "He doesn't buy more." } });
    expect(p.perturb(s, { seed: 42, rate: 0.3 })).toEqual(p.perturb(s, { seed: 42, rate: 0.3 }));
  });

  it.each(['typos', 'whitespace', 'distractor', 'irrelevant_context', 'ocr', 'mild_mix'] as const)('%s: different seeds give different variants', (name) => {
    const outputs = new Set([1, 2, 3, 4, 5, 6].map((seed) => text(PERTURBATIONS[name].perturb(sample(QUESTION), { seed, rate: 0.3 }))));
    expect(outputs.size).toBeGreaterThan(1);
  });

  it.each(PERTURBATION_NAMES.filter((n) => n !== 'missing_info'))('%s: rewrites only the last user message of a chat input', (name) => {
    const input: Sample['input'] = [
      { role: 'system', content: 'Answer briefly. Do not explain.' },
      { role: 'user', content: 'What is the capital of France?' },
      { role: 'assistant', content: 'Paris.' },
      { role: 'user', content: QUESTION },
    ];
    const r = PERTURBATIONS[name].perturb(sample(input), { seed: 3, rate: 0.5 });
    if (!r.ok || typeof r.sample.input === 'string') throw new Error('expected chat');
    expect(r.sample.input.slice(0, 3)).toEqual(input.slice(0, 3));
    expect(r.sample.input[3]!.role).toBe('user');
  });
});

describe('casing, contract, expand (no randomness)', () => {
  it.each([
    ['casing', 'Item 1: What Is It? ÉTÉ', 'item 1: what is it? été'],
    ['contract', 'I am sure it is not what you think; do not worry. They are here, What is it? We cannot.', "I'm sure it's not what you think; don't worry. They're here, What's it? We can't."],
    ['contract', 'Do Not touch. Nothing is lost.', "Don't touch. Nothing is lost."],
    ['expand', "Don't worry, it's what we're here for. I'm sure you'll see; they won't. It’s fine.", 'Do not worry, it is what we are here for. I am sure you will see; they will not. It is fine.'],
    ['expand', 'No contractions here.', 'No contractions here.'],
  ] as const)('%s: %j', (name, input, expected) => {
    expect(text(PERTURBATIONS[name].perturb(sample(input), { seed: 1, rate: 0.1 }))).toBe(expected);
  });
});

/** True when `b` is `a` with exactly one letter replaced by a keyboard neighbour, dropped, or doubled. */
function oneSlip(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const rest = a.slice(i + 1);
    const ch = a[i]!;
    if (b === a.slice(0, i) + rest) return true;
    if (b === a.slice(0, i) + ch + ch + rest) return true;
    const near = KEYBOARD_NEIGHBOURS[ch.toLowerCase()] ?? '';
    for (const n of near) {
      const sub = ch === ch.toLowerCase() ? n : n.toUpperCase();
      if (b === a.slice(0, i) + sub + rest) return true;
    }
  }
  return false;
}

describe('typos', () => {
  it('at rate 1 gives every word of two or more letters exactly one keyboard slip, and leaves digits and spacing alone', () => {
    const input = 'Compute 12 plus 30, then tell me the total number a student counts.';
    for (const seed of [1, 2, 3, 4, 5]) {
      const out = text(PERTURBATIONS.typos.perturb(sample(input), { seed, rate: 1 }));
      const before = input.split(' ');
      const after = out.split(' ');
      expect(after).toHaveLength(before.length);
      before.forEach((word, i) => {
        const core = word.replace(/[^A-Za-z]/g, '');
        if (core.length < 2) expect(after[i]).toBe(word);
        else expect(oneSlip(word, after[i]!), `${word} → ${after[i]}`).toBe(true);
      });
    }
  });

  it('at a tiny rate still makes exactly one slip; at rate 0 none', () => {
    const input = 'Please answer the question below carefully.';
    const out = text(PERTURBATIONS.typos.perturb(sample(input), { seed: 9, rate: 1e-9 }));
    const changed = input.split(' ').filter((w, i) => w !== out.split(' ')[i]);
    expect(changed).toHaveLength(1);
    expect(text(PERTURBATIONS.typos.perturb(sample(input), { seed: 9, rate: 0 }))).toBe(input);
  });
});

describe('whitespace', () => {
  it('at rate 1 turns every single space into a run of spaces, a tab or a line break, and changes nothing else', () => {
    const input = 'How many legs does a spider have?';
    const out = text(PERTURBATIONS.whitespace.perturb(sample(input), { seed: 4, rate: 1 }));
    const gaps = out.match(/\s+/g)!;
    expect(gaps).toHaveLength(6);
    for (const gap of gaps) expect(WHITESPACE_RUNS as readonly string[]).toContain(gap);
    expect(out.split(/\s+/)).toEqual(input.split(' '));
  });
});

describe('distractor and irrelevant_context', () => {
  it('distractor inserts exactly one filler sentence and keeps the prompt otherwise as it was', () => {
    const input = 'Anna has four pens. She gives one away. How many pens does she have?';
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const out = text(PERTURBATIONS.distractor.perturb(sample(input), { seed, rate: 0.1 }));
      const used = FILLER_SENTENCES.filter((f) => out.includes(f));
      expect(used).toHaveLength(1);
      expect(out.replace(used[0]!, '').replace(/\s+/g, ' ').trim()).toBe(input);
    }
  });

  it('irrelevant_context puts a paragraph of distinct filler sentences before the prompt', () => {
    const input = 'What is the boiling point of water at sea level in Celsius?';
    const out = text(PERTURBATIONS.irrelevant_context.perturb(sample(input), { seed: 11, rate: 0.1 }));
    const [paragraph, rest] = out.split('\n\n');
    expect(rest).toBe(input);
    const used = FILLER_SENTENCES.filter((f) => paragraph!.includes(f));
    expect(used).toHaveLength(IRRELEVANT_SENTENCES);
    expect(paragraph!.length).toBe(used.reduce((n, s) => n + s.length, 0) + IRRELEVANT_SENTENCES - 1);
  });
});

describe('contradictory_context', () => {
  it('by default claims the answer is not the target; the target stays', () => {
    const r = PERTURBATIONS.contradictory_context.perturb(sample('What is 2 + 3?'), { seed: 0, rate: 0.1 });
    expect(r).toEqual({ ok: true, sample: sample('Note: the answer to the following question is not 5.\n\nWhat is 2 + 3?') });
  });

  it('uses metadata contradiction when the task wrote one', () => {
    const s = sample('Tom has three apples. How many apples does Tom have?', { metadata: { contradiction: 'Tom has no apples at all.' } });
    expect(text(PERTURBATIONS.contradictory_context.perturb(s, { seed: 0, rate: 0.1 }))).toBe('Tom has no apples at all.\n\nTom has three apples. How many apples does Tom have?');
  });

  it('skips a sample with neither a contradiction nor a target', () => {
    expect(PERTURBATIONS.contradictory_context.perturb(sample('Write a poem.', { target: '' }), { seed: 0, rate: 0.1 })).toEqual({ ok: false, reason: 'no metadata "contradiction" and no target to contradict' });
  });
});

describe('missing_info', () => {
  const p = PERTURBATIONS.missing_info;
  const opts = { seed: 0, rate: 0.1 };

  it.each([
    ['in the middle', 'Tom has three apples. He buys two more. How many apples?', 'He buys two more.', 'Tom has three apples. How many apples?'],
    ['at the start', 'A box holds six eggs. How many eggs are in two boxes?', 'A box holds six eggs.', 'How many eggs are in two boxes?'],
    ['before a line break', 'Context: the train leaves at noon.\nWhen does it leave?', 'the train leaves at noon.', 'Context:\nWhen does it leave?'],
  ])('removes the key fact %s and expects "cannot be determined"', (_where, input, fact, expected) => {
    const r = p.perturb(sample(input, { metadata: { key_fact: fact } }), opts);
    expect(r).toEqual({ ok: true, sample: sample(expected, { target: 'cannot be determined', metadata: { key_fact: fact } }) });
  });

  it('removes every fact of a list and honours unanswerable_target', () => {
    const s = sample('Ann is 10. Bob is 12. Who is older?', { metadata: { key_fact: ['Ann is 10.', 'Bob is 12.'], unanswerable_target: 'unknown' } });
    const r = p.perturb(s, opts);
    expect(r.ok && r.sample.input).toBe('Who is older?');
    expect(r.ok && r.sample.target).toBe('unknown');
  });

  it('on a multiple-choice sample targets the choice that says so, or skips', () => {
    const s = sample('Ann is 10. Bob is 12. Who is older?', { choices: ['Ann', 'Bob', 'Cannot be determined'], target: 'B', metadata: { key_fact: 'Bob is 12.' } });
    const r = p.perturb(s, opts);
    expect(r.ok && r.sample.target).toBe('Cannot be determined');
    expect(p.perturb({ ...s, choices: ['Ann', 'Bob'] }, opts)).toEqual({ ok: false, reason: 'no choice reads "cannot be determined"' });
  });

  it.each([
    [{}, 'no metadata "key_fact"'],
    [{ key_fact: '' }, 'no metadata "key_fact"'],
    [{ key_fact: 'Bob is 13.' }, 'key_fact "Bob is 13." is not in the prompt'],
  ])('skips a sample with metadata %j', (metadata, reason) => {
    expect(p.perturb(sample('Bob is 12. How old is Bob?', { metadata }), opts)).toEqual({ ok: false, reason });
  });
});

describe('ocr', () => {
  it('at rate 1 makes every OCR confusion: rn↔m, l↔1, O↔0, diacritics, a broken long word', () => {
    expect(text(PERTURBATIONS.ocr.perturb(sample('café modern Olive 10'), { seed: 1, rate: 1 }))).toBe('cafe rnod em 01ive lO');
  });

  it('at a low rate makes at least one change, all of them OCR confusions', () => {
    const input = 'The modern barn is 10 metres long.';
    const out = text(PERTURBATIONS.ocr.perturb(sample(input), { seed: 5, rate: 1e-9 }));
    expect(out).not.toBe(input);
    const undo = (s: string) => s.replace(/ /g, '').replace(/rn/g, 'm').replace(/[l1]/g, 'l').replace(/[O0]/g, 'O');
    expect(undo(out)).toBe(undo(input));
  });
});

describe('mild_mix', () => {
  it('lower-cases, contracts, adds spacing and typos', () => {
    const input = 'Do not guess. What is the total number of legs that three spiders have?';
    const out = text(PERTURBATIONS.mild_mix.perturb(sample(input), { seed: 2, rate: 0.5 }));
    expect(out).toBe(out.toLowerCase());
    expect(out).not.toBe(input.toLowerCase());
    expect(out.replace(/\s+/g, ' ').length).toBeLessThan(input.length + 3);
  });
});

describe('paraphrase', () => {
  it('leaves the sample as it is: the paraphraser rewrites it at run time', () => {
    const s = sample(QUESTION);
    expect(PERTURBATIONS.paraphrase.perturb(s, { seed: 0, rate: 0.1 })).toEqual({ ok: true, sample: s });
  });
});
