/** The counterfactual suite's dataset: bases.json expanded into counterfactual.jsonl, and the check they agree. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { CounterfactualBaseSchema, expandCounterfactuals, type CounterfactualBase } from './counterfactual-variants.js';

/** The base prompts, edited by hand. */
export const BASES_FILE = 'bases.json';
/** The dataset the suite reads, generated from BASES_FILE by write-counterfactual-dataset.ts. */
export const DATASET_FILE = 'counterfactual.jsonl';

/** Reads and checks the base prompts in `dir`. */
export async function readCounterfactualBases(dir: string): Promise<CounterfactualBase[]> {
  return z.array(CounterfactualBaseSchema).parse(JSON.parse(await readFile(path.join(dir, BASES_FILE), 'utf8')));
}

/** The JSONL text that `counterfactual.jsonl` must hold for these bases: one row per line. */
export function counterfactualJsonl(bases: readonly CounterfactualBase[]): string {
  return expandCounterfactuals(bases).map((row) => `${JSON.stringify(row)}\n`).join('');
}
