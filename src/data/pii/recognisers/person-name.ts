/**
 * Person names without an NER model: a heuristic over capitalised word sequences.
 *  - after an honorific or rank (Mr., Dr., Sgt., Col. …): 1–3 capitalised words, 0.8;
 *  - a bundled common first name followed by 1–2 capitalised words (surname, or middle + surname), 0.6.
 * Limits: misses names whose first name is not in the list and have no title, lower-case or all-caps names,
 * surname-first order ("Smith, John"), single-word names, and most non-Western names; finds false positives
 * where a first name starts a place or brand ("Jordan Valley", "Austin Healey"). Measure it on your data.
 */
import { patternRecogniser } from '../recogniser.js';
import { FIRST_NAMES, NOT_NAME_WORDS } from './first-names.js';

/** One name word: an initial ("J."), a compound (McDonald, O'Brien, Smith-Jones) or a plain capitalised word. */
const WORD = "(?:[A-Z]\\.|[A-Z][a-z]*(?:['\u2019-]?[A-Z][a-z]+)+|[A-Z][a-z]+)";
const HONORIFIC =
  '(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Sir|Dame|Sgt|SSgt|MSgt|SgtMaj|Cpl|Pvt|PFC|Spc|Lt|Capt|Cpt|Maj|Col|Gen|Adm|Cmdr|Cdr|Ens|Amn|Officer|Agent|Detective|Judge|Senator)';
const GIVEN = [...FIRST_NAMES].map((n) => n[0]!.toUpperCase() + n.slice(1)).join('|');

const TITLED = new RegExp(`\\b${HONORIFIC}\\.?[ \\t]+(?<pii>${WORD}(?:[ \\t]+${WORD}){0,2})`, 'gd');
const GAZETTEER = new RegExp(`\\b(?<pii>(?:${GIVEN})(?:[ \\t]+${WORD}){1,2})(?![\\w'\u2019-])`, 'gd');

function plausible(m: RegExpExecArray): boolean {
  const name = m.groups?.['pii'] ?? '';
  const parts = name.split(/[ \t]+/);
  const last = parts.at(-1) ?? '';
  // a trailing initial ("Dr. J.") or a place/organisation/calendar word means this is not (only) a name
  if (/^[A-Z]\.$/.test(last)) return false;
  return !parts.some((p) => NOT_NAME_WORDS.has(p.replace(/\.$/, '').toLowerCase()));
}

/** Finds person names by honorific and first-name gazetteer; see the module comment for its limits. */
export const personRecogniser = patternRecogniser({
  type: 'PERSON',
  context: ['name', 'named', 'patient', 'employee', 'member', 'contact', 'signed', 'author', 'witness', 'applicant', 'dear'],
  patterns: [
    { regex: TITLED, score: 0.8 },
    { regex: GAZETTEER, score: 0.6 },
  ],
  validate: plausible,
});
