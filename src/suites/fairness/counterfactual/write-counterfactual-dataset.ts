/** Regenerates counterfactual.jsonl from bases.json: `npx tsx src/suites/fairness/counterfactual/write-counterfactual-dataset.ts`. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { counterfactualJsonl, DATASET_FILE, readCounterfactualBases } from './counterfactual-dataset.js';

const dir = import.meta.dirname;
await writeFile(path.join(dir, DATASET_FILE), counterfactualJsonl(await readCounterfactualBases(dir)));
console.log(`wrote ${path.join(dir, DATASET_FILE)}`);
