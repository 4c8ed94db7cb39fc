/** Reads which multiple-choice letter a model picked, and which choice a target names. */
import { normalizeText, stripEdgePunctuation } from '../text/normalize-text.js';

/** The letter for a choice index: 0 → "A". */
export function letterOf(index: number): string {
  return String.fromCharCode(65 + index);
}

/** A choice the model picked, and the evidence it was read from. */
export interface ReadChoice {
  index: number;
  how: string;
}

const LONE_LETTER = /^\(?([A-Za-z])\)?[.):]?$/;
const ANSWER_COLON = /answer\s*:\s*\**\s*(\(?)([A-Za-z])(\)?)(?![\p{L}\p{N}])/giu;
const ANSWER_IS = /\b(?:answer|option|choice)\s+(?:is|would be)\s*:?\s*\**\s*(\(?)([A-Za-z])(\)?)(?![\p{L}\p{N}])/giu;
const LINE_START = /^\s*\**\(?([A-Z])[).:]\**(?:\s|$)/gmu;
const PARENTHESISED = /\(([A-Z])\)/gu;

/** Choice text without a leading label such as "A)", "(A)" or "A.". */
function bareChoice(text: string): string {
  return text.replace(/^\s*\(?[A-Z][).:]\s+/, '');
}

function textKey(text: string): string {
  return stripEdgePunctuation(normalizeText(text, true));
}

/**
 * Which choice the text picks, or undefined when it picks none or is ambiguous. In order: a lone letter;
 * the last "ANSWER: B"; the last "the answer is B"; a last line that is a lone letter; one distinct letter
 * opening lines ("B)"); one distinct "(B)"; the answer being exactly a choice's text. A lower-case letter
 * counts only as a lone answer, after "ANSWER:", or in parentheses, so "the answer is a trick" is no "A".
 */
export function readChoice(text: string, choices: readonly string[]): ReadChoice | undefined {
  const inRange = (letter: string): number | undefined => {
    const i = letter.toUpperCase().charCodeAt(0) - 65;
    return i >= 0 && i < choices.length ? i : undefined;
  };
  const trimmed = text.trim();
  const lone = LONE_LETTER.exec(trimmed);
  if (lone) {
    const i = inRange(lone[1]!);
    if (i !== undefined) return { index: i, how: `the answer is the letter ${letterOf(i)}` };
  }
  for (const [re, label, lowerNeedsParens] of [
    [ANSWER_COLON, '"ANSWER: X"', false],
    [ANSWER_IS, '"the answer is X"', true],
  ] as const) {
    const hits = [...trimmed.matchAll(re)].filter((m) => !lowerNeedsParens || /[A-Z]/.test(m[2]!) || (m[1] && m[3]));
    const last = hits.at(-1);
    const i = last && inRange(last[2]!);
    if (i !== undefined) return { index: i, how: `read from ${label}: ${JSON.stringify(last![0].trim())}` };
  }
  const lastLine = trimmed.split('\n').at(-1)!.trim().replace(/^\*+|\*+$/g, '');
  const loneLast = LONE_LETTER.exec(lastLine);
  if (loneLast && /[A-Z]/.test(loneLast[1]!)) {
    const i = inRange(loneLast[1]!);
    if (i !== undefined) return { index: i, how: `the last line is the letter ${letterOf(i)}` };
  }
  for (const [re, label] of [
    [LINE_START, 'a line opening with'],
    [PARENTHESISED, 'the only parenthesised letter'],
  ] as const) {
    const found = new Set([...trimmed.matchAll(re)].map((m) => inRange(m[1]!)).filter((i): i is number => i !== undefined));
    if (found.size === 1) {
      const i = [...found][0]!;
      return { index: i, how: `${label} ${letterOf(i)}` };
    }
  }
  const key = textKey(trimmed);
  const byText = choices.findIndex((c) => textKey(bareChoice(c)) === key);
  if (key !== '' && byText >= 0) return { index: byText, how: `the answer is the text of choice ${letterOf(byText)}` };
  return undefined;
}

/** Which choice a target names: a letter ("B", "(B)") or the text of a choice. */
export function targetChoice(target: string, choices: readonly string[]): number | undefined {
  const letter = LONE_LETTER.exec(target.trim());
  if (letter) {
    const i = letter[1]!.toUpperCase().charCodeAt(0) - 65;
    if (i < choices.length) return i;
  }
  const key = textKey(target);
  const i = choices.findIndex((c) => textKey(bareChoice(c)) === key || textKey(c) === key);
  return i >= 0 ? i : undefined;
}
