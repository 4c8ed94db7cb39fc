/** Turns zod issues into one readable line each: the field path and what is wrong with it. */
import type { z } from 'zod';

type Key = string | number;

/** One problem with a task: where (as a key path) and what. */
export interface TaskIssue {
  /** Key path into the task, e.g. ['scorers', 1, 'tolerance']. */
  path: Key[];
  /** Points at a key that should not be there (rather than at a value). */
  unknownKey: boolean;
  message: string;
}

/** Flattens zod issues; an unknown-keys issue becomes one issue per key. */
export function taskIssues(error: z.ZodError): TaskIssue[] {
  return error.issues.flatMap((issue): TaskIssue[] => {
    const path = issue.path.filter((k): k is Key => typeof k !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...path, key], unknownKey: true, message: `unknown key "${key}"` }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const expected = issue.errors.map((branch) => (branch[0]?.code === 'invalid_type' ? branch[0].expected : undefined));
      if (expected.every((e) => e !== undefined)) {
        return [{ path, unknownKey: false, message: `expected ${[...new Set(expected)].join(' or ')}` }];
      }
    }
    const message = issue.message.replace(/^Invalid input: /, '');
    if (issue.code === 'invalid_type' && / received undefined$/.test(message)) {
      return [{ path, unknownKey: false, message: `required field is missing (expected ${issue.expected})` }];
    }
    return [{ path, unknownKey: false, message }];
  });
}

/** `scorers[1].tolerance`; the empty path is `(root)`. */
export function fieldPath(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out === '' ? '(root)' : out;
}
