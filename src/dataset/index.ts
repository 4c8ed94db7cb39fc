/** The dataset domain: samples and the loaders that make them from files. */
export { DEFAULT_LABEL, SampleSchema, targetList, type Sample } from './sample.js';
export { loadDataset, type DatasetSpecInput, type LoadDatasetOptions, type LoadedDataset } from './load-dataset.js';
export { fewShotExamples, type FewShotOptions } from './few-shot-examples.js';
export { seededShuffle, mulberry32 } from './seeded-shuffle.js';
export { formatFromExtension, DATASET_EXTENSIONS } from './detect-format.js';
export { READERS } from './readers.js';
export type { DatasetReader, RawRow, RejectedRow } from './dataset-reader.js';
