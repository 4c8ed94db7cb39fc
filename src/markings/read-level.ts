/** Reads the classification piece of a marking: US level, CUI, or (after a leading `//`) foreign, JOINT and NATO levels. */
import type { MarkingScheme } from './marking.js';
import type { WrittenForm } from './aea.js';
import type { MarkingCorrection } from './issues.js';
import { NATO_LEVELS, US_LEVEL_WORDS, type Level } from './vocabulary.js';

/** The level piece, read. `rest` is text after the level that belongs to the next category (a missing `//`). */
export interface LevelRead {
  scheme: MarkingScheme;
  level: Level;
  /** Owners as written (foreign and JOINT); the order is checked later. */
  owners: string[];
  written: WrittenForm;
  rest: { text: string; start: number } | null;
  corrections: MarkingCorrection[];
}

type LevelKey = { key: string; canonical: string; level: Level | 'CUI'; written: WrittenForm };

const word = (level: Exclude<Level, 'R'>): LevelKey => ({ key: US_LEVEL_WORDS[level].replace(/ /g, ''), canonical: US_LEVEL_WORDS[level], level, written: 'banner' });
const abbrev = (level: Level): LevelKey => ({ key: level, canonical: level, level, written: 'portion' });

/** Longest first, so `SECRET` is not read as `S` and `CUI` not as `C`. */
const US_KEYS: LevelKey[] = [
  word('TS'),
  word('U'),
  word('C'),
  word('S'),
  { key: 'CONTROLLED', canonical: 'CONTROLLED', level: 'CUI', written: 'title' },
  { key: 'CUI', canonical: 'CUI', level: 'CUI', written: 'both' },
  abbrev('TS'),
  abbrev('S'),
  abbrev('C'),
  abbrev('U'),
];
const FOREIGN_KEYS: LevelKey[] = [
  ...US_KEYS.filter((k) => k.level !== 'CUI'),
  { key: 'RESTRICTED', canonical: 'RESTRICTED', level: 'R', written: 'banner' },
  abbrev('R'),
];

const fixDigits = (s: string) => s.replace(/0/g, 'O').replace(/1/g, 'I');

/**
 * Matches a level at the start of `text`, ignoring spaces and reading 0 as O and 1 as I (OCR noise), and requires
 * the match to end at a space or the end. Returns where it ended in `text`.
 */
function matchLevel(text: string, keys: LevelKey[]): { key: LevelKey; end: number } | null {
  const idx: number[] = [];
  let squeezed = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ' ') continue;
    squeezed += text[i];
    idx.push(i);
  }
  const fixed = fixDigits(squeezed);
  for (const key of keys) {
    if (!fixed.startsWith(key.key)) continue;
    const end = idx[key.key.length - 1]! + 1;
    if (end === text.length || text[end] === ' ') return { key, end };
  }
  return null;
}

function fixOf(text: string, canonical: string, position: number): MarkingCorrection[] {
  return text === canonical ? [] : [{ code: 'E_OCR', from: text, to: canonical, position }];
}

/** Reads a US or CUI level piece (`SECRET`, `TS`, `CUI`, `T O P SECRET`, `SECRET NOFORN`). */
export function readUsLevel(text: string, start: number): LevelRead | null {
  const m = matchLevel(text, US_KEYS);
  if (!m) return null;
  const restText = text.slice(m.end).trim();
  const cui = m.key.level === 'CUI';
  return {
    scheme: cui ? 'cui' : 'us',
    level: cui ? 'U' : (m.key.level as Level),
    owners: [],
    written: m.key.written,
    rest: restText ? { text: restText, start: start + text.indexOf(restText, m.end) } : null,
    corrections: fixOf(text.slice(0, m.end), m.key.canonical, start),
  };
}

const CODE = /^[A-Z]{3,4}$/;

/** Reads the piece after a leading `//`: `JOINT S AUS USA`, `NATO SECRET`, `NS`, `DEU SECRET`, `CAN GBR S`, `FGI TS`. */
export function readForeignLevel(text: string, start: number): LevelRead | null {
  const squeezed = fixDigits(text.replace(/ /g, ''));
  for (const [level, n] of Object.entries(NATO_LEVELS) as Array<[Level, { banner: string; portion: string }]>) {
    for (const [form, canonical] of [['banner', n.banner], ['portion', n.portion]] as const) {
      if (squeezed === canonical.replace(/ /g, '')) {
        return { scheme: 'nato', level, owners: [], written: form, rest: null, corrections: fixOf(text, canonical, start) };
      }
    }
  }
  const words = text.split(' ').filter(Boolean);
  const joint = words[0] === 'JOINT';
  const fgi = words[0] === 'FGI';
  const head = joint || fgi ? 1 : 0;
  // JOINT puts the level before the codes; the others put the codes before the level.
  for (let i = head; i <= words.length; i++) {
    const levelText = joint ? words.slice(head, i).join(' ') : words.slice(i).join(' ');
    const codes = joint ? words.slice(i) : words.slice(head, i);
    if (!levelText || !codes.every((c) => CODE.test(c))) continue;
    const m = matchLevel(levelText, FOREIGN_KEYS);
    if (!m || m.end !== levelText.length || m.key.level === 'CUI') continue;
    if (fgi ? codes.length > 0 : codes.length === 0) continue;
    return {
      scheme: joint ? 'joint' : 'foreign',
      level: m.key.level,
      owners: codes,
      written: m.key.written,
      rest: null,
      corrections: fixOf(levelText, m.key.canonical, start + text.indexOf(levelText)),
    };
  }
  return null;
}
