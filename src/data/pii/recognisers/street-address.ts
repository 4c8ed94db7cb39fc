/**
 * US street addresses by pattern: house number, optional direction, 1–4 capitalised or ordinal words, a street
 * suffix, optional unit, optional "City, ST 12345". Also PO boxes. Misses addresses without a suffix
 * ("1 Infinite Loop" is found, "10 Downing" is not), rural routes and non-US formats.
 */
import { patternRecogniser } from '../recogniser.js';

const SUFFIX =
  '(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Circle|Cir|Highway|Hwy|Square|Sq|Trail|Trl|Loop|Alley|Plaza|Pike|Run)';
const DIRECTION = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)';
const STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI|AS|MP|AA|AE|AP';
const STREET = `\\d{1,6}[A-Z]?[ \\t]+(?:${DIRECTION}\\.?[ \\t]+)?(?:(?:[A-Z][a-z]+|\\d{1,3}(?:st|nd|rd|th))[ \\t]+){1,4}${SUFFIX}\\b\\.?(?:[ \\t]+${DIRECTION}\\b\\.?)?(?:,?[ \\t]+(?:Apt|Apartment|Suite|Ste|Unit|Rm|Room|#)\\.?[ \\t]*#?[A-Za-z0-9-]+)?`;
const CITY = `(?:,[ \\t]*|\\r?\\n[ \\t]*)[A-Z][a-z]+(?:[ \\t]+[A-Z][a-z]+){0,2},[ \\t]*(?:${STATES})[ \\t]+\\d{5}(?:-\\d{4})?`;

const WITH_CITY = new RegExp(`(?<![\\w-])${STREET}${CITY}(?![\\w-])`, 'g');
const STREET_ONLY = new RegExp(`(?<![\\w-])${STREET}`, 'g');
const PO_BOX = /(?<![\w])P\.?[ \t]?O\.?[ \t]+Box[ \t]+\d{1,6}(?![\w])/gi;

/** Finds street addresses (0.75 with city/state/ZIP, 0.5 street line or PO box). */
export const streetAddressRecogniser = patternRecogniser({
  type: 'STREET_ADDRESS',
  context: ['address', 'street', 'live', 'living', 'resides', 'residence', 'home', 'mail', 'ship', 'located'],
  patterns: [
    { regex: WITH_CITY, score: 0.75 },
    { regex: STREET_ONLY, score: 0.5 },
    { regex: PO_BOX, score: 0.5 },
  ],
});
