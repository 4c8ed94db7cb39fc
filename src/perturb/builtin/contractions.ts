/** contract / expand: "do not" ↔ "don't" and the other common English contractions (HELM's pair). */
import { textPerturbation } from '../text-perturbation.js';

/** Expanded form → contraction. "it's" etc. expand to the "is" reading. */
export const CONTRACTIONS: Readonly<Record<string, string>> = {
  'do not': "don't", 'does not': "doesn't", 'did not': "didn't", 'is not': "isn't", 'are not': "aren't",
  'was not': "wasn't", 'were not': "weren't", 'have not': "haven't", 'has not': "hasn't", 'had not': "hadn't",
  'will not': "won't", 'would not': "wouldn't", 'should not': "shouldn't", 'could not': "couldn't",
  cannot: "can't", 'must not': "mustn't", 'it is': "it's", 'that is': "that's", 'what is': "what's",
  'there is': "there's", 'i am': "i'm", 'you are': "you're", 'we are': "we're", 'they are': "they're",
  'i have': "i've", 'i will': "i'll", 'you will': "you'll", 'let us': "let's",
};

const EXPANSIONS: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(CONTRACTIONS).map(([k, v]) => [v, k]));

/** Replaces every key of `table` (whole words, any case), keeping a leading capital. */
function replaceAll(text: string, table: Readonly<Record<string, string>>): string {
  const keys = Object.keys(table).sort((a, b) => b.length - a.length).map((k) => k.replace(/'/g, "['’]").replace(/ /g, '\\s+'));
  const pattern = new RegExp(`\\b(?:${keys.join('|')})(?![\\w'’])`, 'gi');
  return text.replace(pattern, (found) => {
    const key = found.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');
    const out = table[key] ?? found;
    if (key.startsWith('i ') || key.startsWith("i'")) return 'I' + out.slice(1);
    return found[0] === found[0]!.toUpperCase() ? out[0]!.toUpperCase() + out.slice(1) : out;
  });
}

/** Contracts every expanded form ("do not" → "don't"). */
export const contractPerturbation = textPerturbation({
  name: 'contract',
  description: 'every "do not", "it is"… becomes "don\'t", "it\'s"…',
  rewrite: (text) => replaceAll(text, CONTRACTIONS),
});

/** Expands every contraction ("don't" → "do not"). */
export const expandPerturbation = textPerturbation({
  name: 'expand',
  description: 'every "don\'t", "it\'s"… becomes "do not", "it is"…',
  rewrite: (text) => replaceAll(text, EXPANSIONS),
});
