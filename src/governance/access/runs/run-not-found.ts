/** The one error for a run that does not exist or that the viewer may not see: identical, so existence never leaks. */
import { AssayError } from '../../../errors/index.js';

/**
 * NOT_FOUND for `runId`. Used both for a missing run and for a run above the viewer's clearance, with the same
 * message, hint and exit code, so no verb can tell the two apart.
 */
export function runNotFound(runId: string): AssayError {
  return new AssayError('NOT_FOUND', `There is no run "${runId}".`, { hint: 'List runs with `assay runs`.' });
}
