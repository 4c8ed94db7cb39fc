/** Run ids: time-sortable and unique, e.g. `r20261123T114402-7f3a9c`. */
import { randomBytes } from 'node:crypto';

export function newRunId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
  return `r${stamp}-${randomBytes(3).toString('hex')}`;
}
