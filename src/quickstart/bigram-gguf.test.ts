import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLlama, LlamaCompletion, LlamaLogLevel, type LlamaModel, type Token } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBigramGguf, type BuiltBigramModel } from './bigram-gguf.js';
import { readDemoCorpus } from './corpus/demo-corpus.js';

describe('buildBigramGguf', () => {
  let dir: string;
  let corpusText: string;
  let first: BuiltBigramModel;
  let model: LlamaModel;
  let completion: LlamaCompletion;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'assay-bigram-'));
    corpusText = (await readDemoCorpus()).text;
    first = await buildBigramGguf({ corpusText, outPath: join(dir, 'a.gguf') });
    const llama = await getLlama({ gpu: false, build: 'never', logLevel: LlamaLogLevel.error });
    model = await llama.loadModel({ modelPath: first.path, gpuLayers: 0 });
    const context = await model.createContext({ contextSize: 512, threads: 1 });
    completion = new LlamaCompletion({ contextSequence: context.getSequence() });
  });

  afterAll(async () => {
    await model?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a GGUF v3 file of modest size', async () => {
    const bytes = await readFile(first.path);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('GGUF');
    expect(bytes.readUInt32LE(4)).toBe(3);
    expect(bytes.length).toBe(first.bytes);
    expect(first.bytes).toBeLessThan(10 * 1024 * 1024);
    expect(first.nEmbd).toBeLessThan(first.vocabSize);
    expect(first.nEmbd % 32).toBe(0);
  });

  it('is byte-identical when built twice from the same corpus', async () => {
    const second = await buildBigramGguf({ corpusText, outPath: join(dir, 'b.gguf') });
    expect(second.sha256).toBe(first.sha256);
    expect(Buffer.compare(await readFile(first.path), await readFile(second.path))).toBe(0);
  });

  it('changes when the corpus changes', async () => {
    const other = await buildBigramGguf({ corpusText: 'the cat sat on the mat.\n\nthe dog sat on the log.', outPath: join(dir, 'c.gguf') });
    expect(other.sha256).not.toBe(first.sha256);
    expect(other.vocabSize).toBeLessThan(first.vocabSize);
  });

  it('loads in node-llama-cpp, whose tokenizer rebuilds whole corpus words', () => {
    const pieces = model.tokenize('We the People of the United States').map((t) => model.detokenize([t]).trim());
    expect(pieces).toEqual(['We', 'the', 'People', 'of', 'the', 'United', 'States']);
    expect(model.detokenize(model.tokenize('zqxv unheard-of words'))).toBe('zqxv unheard-of words');
  });

  it('generates greedily the corpus bigram continuation, in corpus words, the same every run', async () => {
    const corpusWords = new Set(corpusText.match(/[A-Za-z]+/g));
    const run = () => completion.generateCompletion('We the People of the United', { maxTokens: 24, repeatPenalty: false });
    const a = await run();
    const b = await run();
    expect(a).toBe(b);
    expect(a.trimStart().startsWith('States')).toBe(true);
    const words = a.match(/[A-Za-z]+/g) ?? [];
    expect(words.length).toBeGreaterThan(3);
    for (const w of words) expect(corpusWords.has(w), w).toBe(true);
  });

  it('writes only vocabulary words and punctuation, even after a word it does not know', async () => {
    const corpusWords = new Set(corpusText.match(/[A-Za-z0-9]+/g));
    for (const prompt of ['zqxv', 'the Tranquility', 'Congress shall have Power To']) {
      const generated: Token[] = [];
      await completion.generateCompletion(prompt, {
        maxTokens: 16,
        temperature: 0.9,
        seed: 1,
        repeatPenalty: false,
        onToken: (t) => generated.push(...t),
      });
      const full = model.detokenize([...model.tokenize(prompt), ...generated]);
      expect(full.startsWith(prompt), full).toBe(true);
      expect(full.slice(prompt.length), prompt).toMatch(/^[ ,.;:]/); // never glued onto the prompt's last word
      for (const w of full.slice(prompt.length).match(/[A-Za-z0-9]+/g) ?? []) expect(corpusWords.has(w), w).toBe(true);
    }
  });

  it('samples deterministically for a fixed seed', async () => {
    const run = () => completion.generateCompletion('The Congress shall', { maxTokens: 24, temperature: 0.8, seed: 42, repeatPenalty: false });
    expect(await run()).toBe(await run());
  });
});
