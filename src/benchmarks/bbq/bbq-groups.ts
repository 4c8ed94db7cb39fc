/** Finds BBQ's "unknown" answer and the answer naming the stereotyped group, from `answer_info` and `stereotyped_groups`. */

/** BBQ's `answer_info`: for ans0..ans2, [answer text, group label]; the unknown answer's label is "unknown". */
export type AnswerInfo = ReadonlyArray<readonly [string, string]>;

const GENDER: Record<string, string> = { woman: 'f', women: 'f', girl: 'f', girls: 'f', female: 'f', man: 'm', men: 'm', boy: 'm', boys: 'm', male: 'm' };

/** Case, spaces and punctuation folded ("lowSES" = "low SES"); gendered words folded to BBQ's F / M labels. */
export function normalizeGroup(group: string): string {
  const key = group.toLowerCase().replace(/[^a-z0-9]/g, '');
  return GENDER[key] ?? key;
}

/** Index of the answer whose group label is "unknown", or undefined unless there is exactly one. */
export function unknownIndex(info: AnswerInfo): number | undefined {
  const hits = info.flatMap(([, label], i) => (label.toLowerCase() === 'unknown' ? [i] : []));
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * Index of the answer naming a stereotyped group (BBQ's `target_loc`): the one non-unknown answer whose group
 * label matches one of `stereotyped`; undefined when none or both match (such rows count for accuracy only).
 */
export function targetIndex(info: AnswerInfo, stereotyped: readonly string[]): number | undefined {
  const groups = new Set(stereotyped.map(normalizeGroup));
  const unknown = unknownIndex(info);
  const hits = info.flatMap(([, label], i) => (i !== unknown && groups.has(normalizeGroup(label)) ? [i] : []));
  return hits.length === 1 ? hits[0] : undefined;
}
