/** Neutral sentences with no numbers or named quantities, used as distractors and irrelevant context. */

/** Off-topic, fact-free sentences: they must not change the answer to any question they are mixed into. */
export const FILLER_SENTENCES = [
  'The library on the corner was repainted last spring.',
  'Many people enjoy a walk in the park after lunch.',
  'The weather forecast mentioned light winds along the coast.',
  'A new bakery opened near the train station.',
  'Some birds migrate long distances every autumn.',
  'The museum is planning an exhibition of old maps.',
  'Tea is a popular drink in many parts of the world.',
  'The city council discussed plans for a new bicycle lane.',
  'Gardeners often plant tulip bulbs before the first frost.',
  'The orchestra rehearsed late into the evening.',
  'Old bridges are sometimes lit up at night.',
  'A local school held its annual science fair.',
  'Mountain trails can be slippery after rain.',
  'The river was calm and reflected the trees on its banks.',
  'Several shops on the high street changed their opening hours.',
  'Photographers like the soft light of early morning.',
] as const;

/** Splits text into sentences after . ! or ? followed by white space; the separators are kept with the sentence. */
export function splitSentences(text: string): string[] {
  return text.split(/(?<=[.!?])(?=\s)/);
}
