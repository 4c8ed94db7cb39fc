/** Placeholder until the dataset export verbs land (owned by the data-engine work in progress). */
import type { Command } from 'commander';

export function registerDatasetExport(_dataset: Command): void {}
