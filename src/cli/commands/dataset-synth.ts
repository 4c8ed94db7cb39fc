/** Placeholder until the dataset synth verbs land (owned by the data-engine work in progress). */
import type { Command } from 'commander';

export function registerDatasetSynth(_dataset: Command): void {}
