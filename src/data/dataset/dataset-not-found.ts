/** The one error for a dataset or version that does not exist OR that the viewer may not read: identical, so nothing leaks. */
import { AssayError } from '../../errors/index.js';

/** NOT_FOUND for `dataset` (and `version` when given); same message, hint and exit code for missing and hidden. */
export function datasetNotFound(dataset: string, version?: number): AssayError {
  const what = version === undefined ? `dataset "${dataset}"` : `version ${version} of dataset "${dataset}"`;
  return new AssayError('NOT_FOUND', `There is no ${what}.`, { hint: 'List datasets with `assay dataset list` and versions with `assay dataset versions <name>`.' });
}
