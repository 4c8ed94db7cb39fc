/** A small language detector: script checks, then character-trigram naive Bayes over profiles built from bundled samples. */
import { LANGUAGE_SAMPLES, type SampleLanguage } from './language-samples.js';

/** A detected language: ISO 639-1 code, or `und` when the text is too short or the evidence too weak. */
export type DetectedLanguage = SampleLanguage | 'ar' | 'he' | 'el' | 'zh' | 'ja' | 'ko' | 'und';

/** The detector's answer; `confidence` is the posterior of the best language among the trigram profiles (1 for script rules). */
export interface LanguageGuess {
  language: DetectedLanguage;
  confidence: number;
}

/** Options for `detectLanguage`. */
export interface DetectOptions {
  /** Fewer letters than this gives `und`. Default 20: trigram guesses on shorter strings are mostly noise. */
  minLetters?: number;
  /** A best posterior below this gives `und`. Default 0.9. */
  minConfidence?: number;
}

interface Profile {
  logProb: Map<string, number>;
  unseen: number;
}

function trigrams(text: string): string[] {
  const out: string[] = [];
  const words = text.toLowerCase().normalize('NFC').match(/\p{L}+/gu) ?? [];
  for (const w of words) {
    const padded = ` ${w} `;
    for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  }
  return out;
}

function buildProfile(sample: string): Profile {
  const counts = new Map<string, number>();
  const grams = trigrams(sample);
  for (const g of grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  // Add-one smoothing over a nominal vocabulary, so an unseen trigram costs the same in every profile of similar size.
  const denom = grams.length + 5000;
  const logProb = new Map<string, number>();
  for (const [g, c] of counts) logProb.set(g, Math.log((c + 1) / denom));
  return { logProb, unseen: Math.log(1 / denom) };
}

let profiles: Array<[SampleLanguage, Profile]> | undefined;
function getProfiles(): Array<[SampleLanguage, Profile]> {
  profiles ??= (Object.keys(LANGUAGE_SAMPLES) as SampleLanguage[]).map((l) => [l, buildProfile(LANGUAGE_SAMPLES[l])]);
  return profiles;
}

// Scripts that identify a language well enough among those we meet (Arabic script also writes Persian and Urdu).
const SCRIPTS: Array<[RegExp, DetectedLanguage]> = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
];

/**
 * Guesses the language of `text`. Kana, Hangul, Han, Arabic, Hebrew and Greek are decided by script (a majority of
 * letters); Latin and Cyrillic text is scored against trigram profiles of en, de, fr, es, it, pt, nl and ru built from
 * one paragraph each. Accuracy: right on ordinary sentences of ~40+ letters in those languages; unreliable on short
 * strings, names, markings (`SECRET//NOFORN`) and closely related pairs (es/pt); any other language is forced onto the
 * nearest profile unless the posterior is low. Treat it as a routing hint, not an authority.
 * @example detectLanguage('The children walked to school through the snow.').language // 'en'
 */
export function detectLanguage(text: string, options: DetectOptions = {}): LanguageGuess {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  // Script rules first: one CJK character carries about a word, so a short CJK line is already decisive.
  // Japanese mixes kana with Han (kanji): any kana in CJK text means Japanese.
  const kana = text.match(/[\u3040-\u30ff]/gu)?.length ?? 0;
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  if (letters >= 4 && kana > 0 && (kana + han) * 2 > letters) return { language: 'ja', confidence: 1 };
  for (const [re, lang] of SCRIPTS) {
    if (letters >= 4 && (text.match(re)?.length ?? 0) * 2 > letters) return { language: lang, confidence: 1 };
  }
  if (letters < (options.minLetters ?? 20)) return { language: 'und', confidence: 0 };
  const grams = trigrams(text);
  const scores = getProfiles().map(([lang, p]) => {
    let s = 0;
    for (const g of grams) s += p.logProb.get(g) ?? p.unseen;
    return [lang, s] as const;
  });
  const max = Math.max(...scores.map(([, s]) => s));
  const total = scores.reduce((acc, [, s]) => acc + Math.exp(s - max), 0);
  const [best] = [...scores].sort((a, b) => b[1] - a[1]);
  const confidence = 1 / total;
  if (!best || confidence < (options.minConfidence ?? 0.9)) return { language: 'und', confidence };
  return { language: best[0], confidence };
}
