/** US Individual Taxpayer Identification Numbers: 9xx-[50-65|70-88|90-92|94-99]-xxxx. */
import { patternRecogniser } from '../recogniser.js';

const GROUP = '(?:5\\d|6[0-5]|7\\d|8[0-8]|9[0-24-9])';
const DELIMITED = new RegExp(`(?<![\\w-])9\\d{2}([- ])${GROUP}\\1\\d{4}(?![\\w-])`, 'g');
const BARE = new RegExp(`(?<![\\w-])9\\d{2}${GROUP}\\d{4}(?![\\w-])`, 'g');

/** Finds ITINs (0.5 delimited, 0.2 bare; a taxpayer context word lifts both). */
export const itinRecogniser = patternRecogniser({
  type: 'US_ITIN',
  context: ['itin', 'taxpayer', 'tax', 'tin'],
  patterns: [
    { regex: DELIMITED, score: 0.5 },
    { regex: BARE, score: 0.2 },
  ],
});
