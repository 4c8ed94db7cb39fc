/** Access-controlled reads of runs: list, get, read with content, and the label of what is derived from runs. */
export { derivedRunLabel, getRunFor, listRunsFor, readRunFor, requireRole, type LabelledRun, type RunAccessOptions, type RunContent } from './run-access.js';
export { canReadAll, effectiveLabel, runLabelInputs, type RunLabelInputs } from './run-labels.js';
export { runNotFound } from './run-not-found.js';
