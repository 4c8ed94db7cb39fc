/** The closed set of PII entity types and the shape of one finding (offsets into the analysed text). */

/** Entity types the recognisers report; names follow Presidio where it has one. */
export const PII_TYPES = [
  'PERSON',
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'US_SSN',
  'US_ITIN',
  'CREDIT_CARD',
  'IBAN_CODE',
  'IP_ADDRESS',
  'STREET_ADDRESS',
  'DATE_OF_BIRTH',
  'DOD_ID',
  'US_PASSPORT',
] as const;

/** One PII entity type. */
export type PiiType = (typeof PII_TYPES)[number];

/** Runtime guard for `PiiType`. */
export function isPiiType(value: unknown): value is PiiType {
  return typeof value === 'string' && (PII_TYPES as readonly string[]).includes(value);
}

/** One PII finding: `text === source.slice(start, end)`; `score` in [0, 1]. */
export interface PiiResult {
  type: PiiType;
  start: number;
  end: number;
  text: string;
  score: number;
  /** Id of the recogniser that produced it (a key of `RECOGNISERS`). */
  recogniser: string;
  /** Context words found near the span that raised the score. */
  context?: string[];
}
