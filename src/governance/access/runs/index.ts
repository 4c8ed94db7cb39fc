/** Access-controlled reads of runs: list, get, and read with content. */
export { getRunFor, listRunsFor, readRunFor, type LabelledRun, type RunAccessOptions, type RunContent } from './run-access.js';
export { canReadAll, effectiveLabel, runLabelInputs, type RunLabelInputs } from './run-labels.js';
export { runNotFound } from './run-not-found.js';
