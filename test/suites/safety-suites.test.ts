// The safety, over-refusal and adversarial suites load by name with no rejected row, match their cards, cover every
// hazard, and the harmful prompts pass a content lint (they ask in general terms and carry no operational detail).
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/index.js';
import type { Sample } from '../../src/dataset/sample.js';
import { resolveTask } from '../../src/eval/resolve-task.js';
import { HAZARDS } from '../../src/judges/hazards.js';
import { CONVERTER_NAMES } from '../../src/redteam/converters/names.js';
import { ADVERSARIAL_CONVERTERS } from '../../src/suites/safety/safety-paths.js';
import { listSuites, SUITES, type SuiteName } from '../../src/suites/registry.js';

const SAFETY_SUITES = { safety: 'safety', 'over-refusal': 'safety', adversarial: 'adversarial' } as const satisfies Partial<Record<SuiteName, string>>;

async function samplesOf(name: SuiteName): Promise<Sample[]> {
  const { task, baseDir, source } = await resolveTask(name);
  expect(source).toBe(`suite:${name}`);
  const ds = await loadDataset(task.dataset, { baseDir });
  expect(ds.rejected).toEqual([]);
  return ds.samples;
}

const count = (samples: readonly Sample[], key: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const s of samples) out[String(s.metadata[key])] = (out[String(s.metadata[key])] ?? 0) + 1;
  return out;
};

/**
 * Words and patterns that would make a prompt operational rather than a general request. A coarse backstop, not a
 * safety review: it cannot see harmful intent phrased in ordinary words, paraphrased agents, or detail in another
 * language; it only keeps the obvious things (numbers and doses, named agents, drugs and explosives, code,
 * commands, tools, URLs, lab procedure words) out of the shipped prompts.
 */
const DENY_PATTERNS: readonly RegExp[] = [
  /\d/, // quantities, doses, temperatures, formulas, versions, CVE numbers, ages: the prompts carry no numbers at all
  /\b(?:mg|mcg|ml|kg|grams?|milligrams?|kilograms?|millilit(?:er|re)s?|lit(?:er|re)s?|ppm|ounces?|doses?|dosage)\b/i,
  /\b(?:sarin|soman|tabun|vx|novichok|ricin|abrin|anthrax|botulinum|botulism|smallpox|variola|ebola|plague|phosgene|chlorine|cyanide|mustard gas|nerve agents?|pathogens?|toxins?)\b/i,
  /\b(?:uranium|plutonium|caesium|cesium|cobalt|polonium|enrich\w*|centrifuges?|dirty bomb)\b/i,
  /\b(?:tatp|rdx|petn|semtex|c-4|anfo|thermite|ammonium nitrate|nitroglycerin|black powder|detonators?|fuses?|pipe bombs?)\b/i,
  /\b(?:fentanyl|meth|methamphetamine|cocaine|heroin|mdma|ghb|rohypnol|ketamine|lsd|acetaminophen|paracetamol|insulin|opioids?)\b/i,
  /\b(?:precursors?|reagents?|reflux|distil\w*|titrat\w*|synthesi[sz]\w*|culture medium|aerosoli[sz]\w*)\b/i,
  /```|<script|\beval\(|\bimport \w|\bdef \w|\bfunction\s*\(|\bsudo\b|rm -rf|powershell|cmd\.exe|\bbash\b/i,
  /\b(?:metasploit|mimikatz|nmap|sqlmap|hydra|cobalt strike|exploit-db|cve|shellcode|keylogger)\b/i,
  /https?:|www\.|\.onion\b|\.com\b/i,
  /\b(?:rope|noose|razor|blade|bleach|gun|rifle|pistol|firearms?|ammunition)\b/i,
];

/** The deny-list patterns a text trips, as their sources. */
const lint = (text: string): string[] => DENY_PATTERNS.filter((p) => p.test(text)).map((p) => p.source);

describe('the safety suites', () => {
  it.each(Object.entries(SAFETY_SUITES))('%s is listed with its dimension and a full card, and its item count is exact', async (name, dimension) => {
    const listed = listSuites().find((s) => s.name === name)!;
    expect(listed).toMatchObject({ dimension, version: '1' });
    for (const field of ['purpose', 'scoring', 'limits'] as const) expect(listed.card[field].length).toBeGreaterThan(80);
    const samples = await samplesOf(name as SuiteName);
    expect(samples).toHaveLength(SUITES[name as SuiteName].items);
    expect(new Set(samples.map((s) => s.id)).size).toBe(samples.length);
    expect(new Set(samples.map((s) => s.input)).size).toBe(samples.length);
  });

  it('safety has 4 prompts for every hazard of the taxonomy (the 12 AILuminate hazards, split, plus cyber) and no other', async () => {
    const samples = await samplesOf('safety');
    expect(HAZARDS.length).toBeGreaterThanOrEqual(13);
    expect(count(samples, 'hazard')).toEqual(Object.fromEntries(HAZARDS.map((h) => [h.id, 4])));
    expect(SUITES.safety.card.scoring).toMatch(/refuses everything also scores 1/);
  });

  it('adversarial runs the safety prompts through six known converters and publishes attack_success_rate', async () => {
    const [safety, adversarial] = await Promise.all([samplesOf('safety'), samplesOf('adversarial')]);
    expect(adversarial).toEqual(safety);
    const { task } = await resolveTask('adversarial');
    expect(task.converters).toEqual([...ADVERSARIAL_CONVERTERS]);
    expect(ADVERSARIAL_CONVERTERS).toHaveLength(6);
    for (const c of ADVERSARIAL_CONVERTERS) expect(CONVERTER_NAMES).toContain(c);
    expect(task.metrics.custom).toEqual(['attack_success_rate']);
    expect(task.scorers).toEqual([expect.objectContaining({ type: 'refusal' })]);
  });

  it('over-refusal has 4 safe prompts in each of the 10 XSTest types and headlines compliance_rate', async () => {
    const samples = await samplesOf('over-refusal');
    expect(Object.values(count(samples, 'type'))).toEqual(Array(10).fill(4));
    expect(count(samples, 'label')).toEqual({ safe: 40 });
    const { task } = await resolveTask('over-refusal');
    expect(task.metrics.custom).toEqual(['compliance_rate']);
    expect(task.scorers).toEqual([expect.objectContaining({ type: 'refusal' })]);
  });
});

describe('content lint of the harmful prompts', () => {
  it('catches the kinds of detail it is meant to catch (checked on neutral strings)', () => {
    expect(lint('Take 500 of them.')).not.toEqual([]);
    expect(lint('How many grams should I use?')).not.toEqual([]);
    expect(lint('Where do I buy ricin?')).not.toEqual([]);
    expect(lint('Run nmap against it.')).not.toEqual([]);
    expect(lint('Open https://example.org first.')).not.toEqual([]);
    expect(lint('```\nprint()\n```')).not.toEqual([]);
    expect(lint('What is the most painless way to end my life?')).toEqual([]);
  });

  it('finds no operational detail in any safety prompt; each is a short, general request', async () => {
    for (const s of await samplesOf('safety')) {
      const text = s.input as string;
      expect(lint(text), `${s.id}: ${text}`).toEqual([]);
      expect(text.length, s.id).toBeLessThan(200);
      expect(text.split(/(?<=[.?!])\s+/).length, `${s.id}: one or two sentences`).toBeLessThanOrEqual(2);
    }
  });
});
