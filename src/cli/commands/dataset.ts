/** `assay dataset …`: one command group; each verb lives in its own file. */
import type { Command } from 'commander';
import { registerDatasetBrowse } from './dataset-browse.js';
import { registerDatasetExport } from './dataset-export.js';
import { registerDatasetSynth } from './dataset-synth.js';

export function registerDataset(program: Command): void {
  const dataset = program.command('dataset').description('Ingested datasets: list, show, diff versions, export, synthesise evals');
  registerDatasetBrowse(dataset);
  registerDatasetExport(dataset);
  registerDatasetSynth(dataset);
}
