// `assay dataset synth` core: items kept only when answerable with the cited chunk and not without it; every rejection
// counted by reason; stored sealed; read back only by viewers cleared for the chunk's label.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { memoryDatasetReader } from '../helpers/memory-datasets.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChunkRecord, DatasetReader } from '../../src/data/dataset/dataset-types.js';
import { createQaItemReader, qaItemToEvalRow, saveSynthResult, synthesize, tokenF1, type SynthResult } from '../../src/data/synth/index.js';
import { keyringCipher } from '../../src/governance/crypto/field-cipher.js';
import { Keyring } from '../../src/governance/crypto/keyring.js';
import { generateMasterKey } from '../../src/governance/crypto/master-key.js';
import { localOperator } from '../../src/governance/identity/local-operator.js';
import type { User } from '../../src/governance/identity/user.js';
import { parseModelRef } from '../../src/model/model-ref.js';
import { createProvider } from '../../src/providers/registry.js';
import { openStore } from '../../src/store/open-store.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { loadDataset } from '../../src/dataset/load-dataset.js';

const DEPOT = 'The 3rd Battalion moved its supply depot from Harlow to Camp Delta on 14 March, after the Harlow bridge failed its load inspection and convoys had to detour for two days.';
const WATER = 'Field kitchens were reminded that water boils at 100 degrees Celsius at sea level, and that at altitude it boils at a lower temperature, so cooking times must be extended.';
const NOISE = 'The quarterly maintenance summary lists forty-one vehicles serviced, nine awaiting parts, and three written off after the flood at the motor pool in the spring.';

function chunk(id: string, text: string, label: string, tokenCount = 30): ChunkRecord {
  return {
    id: id.repeat(64).slice(0, 64),
    documentId: `doc-${id}`,
    text,
    label,
    portionMarks: [],
    tokenCount,
    pii: { types: [], spans: [] },
    lineage: { source: { path: `${id}.txt`, sha256: 'f'.repeat(64) }, elementIds: [], page: 2, charStart: 0, charEnd: text.length, transformations: [] },
    metadata: {},
  };
}

const CHUNKS = [
  chunk('a', DEPOT, 'SECRET//NOFORN'),
  chunk('b', WATER, 'UNCLASSIFIED'),
  chunk('c', NOISE, 'UNCLASSIFIED'),
  chunk('d', 'Too short.', 'UNCLASSIFIED', 3),
];

const reader: DatasetReader = memoryDatasetReader(CHUNKS, { label: 'SECRET//NOFORN' });

// Questions first (their prompts also contain the chunk text), then the generator's replies per chunk.
const ANSWERS = [
  { match: 'QUESTION (open book): Where did the 3rd Battalion move its supply depot?', response: 'Camp Delta' },
  { match: 'QUESTION (closed book): Where did the 3rd Battalion move its supply depot?', response: 'UNKNOWN' },
  { match: 'QUESTION (open book): Why did the depot move?', response: 'no idea at all' },
  { match: 'QUESTION (open book): At what temperature does water boil at sea level?', response: '100 degrees Celsius' },
  { match: 'QUESTION (closed book): At what temperature does water boil at sea level?', response: '100 degrees Celsius' },
  { match: 'QUESTION (open book): Who commands the battalion?', response: 'Colonel Smith' },
  { match: 'DOCUMENT\nThe 3rd Battalion', response: JSON.stringify({ items: [{ question: 'Where did the 3rd Battalion move its supply depot?', answer: 'Camp Delta' }, { question: 'Why did the depot move?', answer: 'the Harlow bridge failed its load inspection' }, { question: 'Who commands the battalion?', answer: 'Colonel Smith' }] }) },
  { match: 'DOCUMENT\nField kitchens', response: JSON.stringify({ items: [{ question: 'At what temperature does water boil at sea level?', answer: '100 degrees Celsius' }] }) },
  { match: 'DOCUMENT\nThe quarterly', response: 'Sure! Here are some questions: 1. How many vehicles?' },
];

let dir: string;
let answersFile: string;
const topSecret = localOperator({ clearance: 'TOP SECRET//SI//NOFORN' });
const unclassified: User = { ...topSecret, id: 'u-viewer', clearance: 'UNCLASSIFIED' };

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'assay-synth-'));
  answersFile = path.join(dir, 'answers.jsonl');
  writeFileSync(answersFile, ANSWERS.map((a) => JSON.stringify(a)).join('\n'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(viewer: User): Promise<SynthResult> {
  const model = await createProvider(parseModelRef('mock/answer-key', { answers_file: answersFile, default: 'UNKNOWN' }));
  return synthesize({ dataset: 'memos', perChunk: 3, concurrency: 2 }, { datasets: reader, viewer, generator: model });
}

describe('synthesize', () => {
  it('keeps grounded, document-dependent items and counts every rejection by reason', async () => {
    const r = await run(topSecret);
    expect(r.items.map((i) => [i.question, i.answer])).toEqual([['Where did the 3rd Battalion move its supply depot?', 'Camp Delta']]);
    expect(r.items[0]).toMatchObject({ citations: [CHUNKS[0]!.id], label: 'SECRET//NOFORN', source: { path: 'a.txt', page: 2 } });
    expect(r.stats).toMatchObject({ chunks: 3, skippedShort: 1, generated: 4, kept: 1 });
    expect(r.stats.rejected).toEqual({
      unparseable: 1, // chunk c's reply is prose
      not_in_chunk: 1, // "Colonel Smith" is not in the chunk
      not_answerable_with_chunk: 1, // the answerer could not recover the Harlow bridge answer
      answerable_without_chunk: 1, // water boiling point is general knowledge
      duplicate_question: 0,
      model_error: 0,
    });
    // 3 generator calls; depot Q1: open + closed; Q2: open only; water: open + closed.
    expect(r.stats.calls).toBe(3 + 2 + 1 + 2);
    expect(r.rejected.find((x) => x.reason === 'answerable_without_chunk')?.detail).toMatch(/100 degrees Celsius/);
  });

  it('a viewer below the chunk label gets nothing from it', async () => {
    const r = await run(unclassified);
    expect(r.items).toEqual([]);
    expect(r.stats.chunks).toBe(2);
  });

  it('token F1 is SQuAD-style', () => {
    expect(tokenF1('The Camp Delta.', 'camp delta')).toBe(1);
    expect(tokenF1('Camp Alpha', 'Camp Delta')).toBeCloseTo(0.5);
    expect(tokenF1('', 'x')).toBe(0);
  });
});

describe('synth storage', () => {
  it('stores items sealed, reads back kept items by clearance, and exports rows that loadDataset reads', async () => {
    const home = path.join(dir, 'home');
    const store = (await openStore({ home, databaseUrl: '' })) as KyselyStore;
    try {
      const cipher = keyringCipher(new Keyring(generateMasterKey()));
      const result = await run(topSecret);
      const setId = await saveSynthResult(store.db, cipher, result, topSecret.id);
      const raw = await store.db.withTables<{ synth_items: { question: string; answer: string; set_id: string } }>().selectFrom('synth_items').select(['question', 'answer']).where('set_id', '=', setId).execute();
      expect(raw.length).toBe(1 + 4);
      for (const row of raw) expect(`${row.question} ${row.answer}`).not.toMatch(/Battalion|Camp Delta|Celsius/);
      const set = await store.db.withTables<{ synth_sets: { id: string; label: string } }>().selectFrom('synth_sets').select('label').where('id', '=', setId).executeTakeFirstOrThrow();
      expect(set.label).toBe('SECRET//NOFORN');

      const qa = createQaItemReader(store.db, cipher);
      const items = [];
      for await (const item of qa.qaItems(topSecret, 'memos')) items.push(item);
      expect(items).toEqual(result.items);
      const hidden = [];
      for await (const item of qa.qaItems(unclassified, 'memos')) hidden.push(item);
      expect(hidden).toEqual([]);

      const file = path.join(dir, 'eval.jsonl');
      writeFileSync(file, items.map((i) => JSON.stringify(qaItemToEvalRow(i))).join('\n') + '\n');
      const loaded = await loadDataset({ path: file }, { baseDir: dir });
      expect(loaded.samples.map((s) => [s.input, s.target])).toEqual([['Where did the 3rd Battalion move its supply depot?', 'Camp Delta']]);
      expect(readFileSync(file, 'utf8')).toContain(CHUNKS[0]!.id);
    } finally {
      await store.close();
    }
  });
});
