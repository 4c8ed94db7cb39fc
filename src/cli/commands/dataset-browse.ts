/** Placeholder until the dataset browse verbs land (owned by the data-engine work in progress). */
import type { Command } from 'commander';

export function registerDatasetBrowse(_dataset: Command): void {}
