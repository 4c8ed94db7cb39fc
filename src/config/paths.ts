/** Where Assay keeps its files: `$ASSAY_HOME` (default `./.assay`). */
import path from 'node:path';

export function assayHome(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.ASSAY_HOME ?? '.assay');
}

export function reportsDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(assayHome(env), 'reports');
}
