/** The registry of built-in PII recognisers: a typed const map keyed by recogniser id. */
import type { Recogniser } from './recogniser.js';
import { creditCardRecogniser } from './recognisers/credit-card.js';
import { dateOfBirthRecogniser } from './recognisers/date-of-birth.js';
import { dodIdRecogniser } from './recognisers/dod-id.js';
import { emailRecogniser } from './recognisers/email.js';
import { ibanRecogniser } from './recognisers/iban.js';
import { ipv4Recogniser, ipv6Recogniser } from './recognisers/ip-address.js';
import { personRecogniser } from './recognisers/person-name.js';
import { phoneRecogniser } from './recognisers/phone-number.js';
import { streetAddressRecogniser } from './recognisers/street-address.js';
import { ssnRecogniser } from './recognisers/us-ssn.js';
import { itinRecogniser } from './recognisers/us-itin.js';
import { usPassportRecogniser } from './recognisers/us-passport.js';

/** Every built-in recogniser; a result's `recogniser` field is its key here. */
export const RECOGNISERS = {
  person: personRecogniser,
  email: emailRecogniser,
  phone: phoneRecogniser,
  'us-ssn': ssnRecogniser,
  'us-itin': itinRecogniser,
  'credit-card': creditCardRecogniser,
  iban: ibanRecogniser,
  ipv4: ipv4Recogniser,
  ipv6: ipv6Recogniser,
  'street-address': streetAddressRecogniser,
  'date-of-birth': dateOfBirthRecogniser,
  'dod-id': dodIdRecogniser,
  'us-passport': usPassportRecogniser,
} as const satisfies Record<string, Recogniser>;

/** Id of a built-in recogniser. */
export type RecogniserId = keyof typeof RECOGNISERS;

/** Bumped whenever a recogniser changes what it finds; store it beside findings for lineage. */
export const PII_DETECTOR_VERSION = 'pii-1';
