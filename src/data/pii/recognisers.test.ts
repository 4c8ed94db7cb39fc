import { describe, expect, it } from 'vitest';
import { analyze } from './analyze.js';
import { ibanChecksumValid, luhnValid } from './checksums.js';
import type { PiiType } from './pii-types.js';
import { cardIssuer, cardValid } from './recognisers/credit-card.js';
import { calendarDate } from './recognisers/date-of-birth.js';
import { ipv4Valid } from './recognisers/ip-address.js';
import { ssnValid } from './recognisers/us-ssn.js';

/** Texts of the spans of one type found in `text`, at any score. */
function found(text: string, type: PiiType, minScore = 0): string[] {
  return analyze(text, { types: [type], minScore }).map((r) => r.text);
}

describe('email', () => {
  it('finds addresses and rejects near misses', () => {
    expect(found('write to jane.doe+tag@mail.example.mil today', 'EMAIL_ADDRESS')).toEqual(['jane.doe+tag@mail.example.mil']);
    expect(found('user@localhost, a@b.c, @example.com, jane@@example.com', 'EMAIL_ADDRESS')).toEqual([]);
  });
});

describe('phone', () => {
  it('finds US and international formats', () => {
    const text = 'Call (212) 555-0147, 212.555.0147, +1 212-555-0147, +44 20 7946 0958 or +4930901820.';
    expect(found(text, 'PHONE_NUMBER')).toEqual(['(212) 555-0147', '212.555.0147', '+1 212-555-0147', '+44 20 7946 0958', '+4930901820']);
  });
  it('rejects NANP numbers with an area or exchange starting 0/1, and too few digits', () => {
    expect(found('(123) 555-0147 and 212-155-0147 and +44 12', 'PHONE_NUMBER')).toEqual([]);
  });
  it('scores a bare ten-digit number low unless labelled', () => {
    expect(analyze('ref 2125550147', { types: ['PHONE_NUMBER'], minScore: 0 })[0]?.score).toBe(0.1);
    expect(analyze('ref 2125550147', { types: ['PHONE_NUMBER'] })).toEqual([]);
    expect(analyze('mobile 2125550147', { types: ['PHONE_NUMBER'] })[0]?.score).toBe(0.45);
  });
});

describe('US SSN', () => {
  it('applies the area/group/serial rules and the known-invalid list', () => {
    expect(ssnValid('123456780')).toBe(true);
    for (const bad of ['000123456', '666123456', '900123456', '123006789', '123450000', '111111111', '078051120', '219099999', '123456789', '987654321']) {
      expect(ssnValid(bad), bad).toBe(false);
    }
  });
  it('needs a consistent delimiter and finds valid numbers only', () => {
    expect(found('SSN 536-22-1234 or 536 22 1234', 'US_SSN')).toEqual(['536-22-1234', '536 22 1234']);
    expect(found('SSN 536-22 1234, 000-12-3456, 666-12-3456, 912-34-5678, 536-00-1234, 536-22-0000', 'US_SSN')).toEqual([]);
  });
  it('keeps bare nine digits below the default threshold unless labelled', () => {
    expect(found('order 536221234 shipped', 'US_SSN', 0.3)).toEqual([]);
    expect(analyze('social security number 536221234', { types: ['US_SSN'] })[0]?.score).toBe(0.4);
  });
});

describe('US ITIN', () => {
  it('accepts 9xx with an ITIN group and rejects others', () => {
    expect(found('ITIN 912-70-1234 and 950-93-1234', 'US_ITIN')).toEqual(['912-70-1234']);
    expect(found('912-49-1234 and 812-70-1234', 'US_ITIN')).toEqual([]);
  });
});

describe('credit card', () => {
  it('checks Luhn and issuer prefix/length', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(cardIssuer('378282246310005')).toBe('amex');
    expect(cardIssuer('5555555555554444')).toBe('mastercard');
    expect(cardIssuer('2221000000000009')).toBe('mastercard');
    expect(cardIssuer('6011111111111117')).toBe('discover');
    expect(cardValid('4111111111111111')).toBe(true);
    // Luhn-valid but no issuer starts with 1, and a Visa prefix at an impossible length
    expect(cardValid('1234567812345670')).toBe(false);
    expect(luhnValid('1234567812345670')).toBe(true);
    expect(cardValid('41111111111111111')).toBe(false);
  });
  it('finds grouped and compact numbers, not Luhn failures', () => {
    const text = 'Visa 4111 1111 1111 1111, Amex 3782-822463-10005, MC 5555555555554444, bad 4111 1111 1111 1112, 1234567812345670.';
    expect(found(text, 'CREDIT_CARD')).toEqual(['4111 1111 1111 1111', '3782-822463-10005', '5555555555554444']);
  });
});

describe('IBAN', () => {
  it('checks mod 97 and country length', () => {
    expect(ibanChecksumValid('GB82WEST12345698765432')).toBe(true);
    expect(found('IBAN GB82 WEST 1234 5698 7654 32 and DE89370400440532013000', 'IBAN_CODE')).toEqual([
      'GB82 WEST 1234 5698 7654 32',
      'DE89370400440532013000',
    ]);
    expect(found('GB82 WEST 1234 5698 7654 33 and DE8937040044053201300', 'IBAN_CODE')).toEqual([]);
  });
});

describe('IP addresses', () => {
  it('validates IPv4 octets', () => {
    expect(ipv4Valid('10.0.0.255')).toBe(true);
    for (const bad of ['256.1.1.1', '1.2.3', '01.2.3.4', '1.2.3.999']) expect(ipv4Valid(bad), bad).toBe(false);
    expect(found('hosts 10.0.0.1, 256.1.1.1, 1.2.3.4.5 (a version), 192.168.001.1', 'IP_ADDRESS')).toEqual(['10.0.0.1']);
  });
  it('finds IPv6 in full, compressed and IPv4-embedded forms, not times or invalid groups', () => {
    const text = 'v6 2001:0db8:85a3:0000:0000:8a2e:0370:7334, fe80::1, ::ffff:192.0.2.1; at 12:30:45; 2001:db8::g1; 1::2::3';
    expect(found(text, 'IP_ADDRESS')).toEqual(['2001:0db8:85a3:0000:0000:8a2e:0370:7334', 'fe80::1', '::ffff:192.0.2.1']);
  });
});

describe('street address', () => {
  it('finds a street line, with city/state/ZIP when present, and PO boxes', () => {
    expect(found('Ship to 1600 Pennsylvania Avenue NW, Washington, DC 20500 please', 'STREET_ADDRESS')).toEqual([
      '1600 Pennsylvania Avenue NW, Washington, DC 20500',
    ]);
    expect(found('at 42 W 3rd St., Apt 4B today', 'STREET_ADDRESS')).toEqual(['42 W 3rd St., Apt 4B']);
    expect(found('PO Box 1234, Anytown', 'STREET_ADDRESS')).toEqual(['PO Box 1234']);
  });
  it('scores the full form higher', () => {
    const [full] = analyze('1 Main Street, Springfield, IL 62701', { types: ['STREET_ADDRESS'] });
    const [line] = analyze('1 Main Street somewhere', { types: ['STREET_ADDRESS'] });
    expect(full!.score).toBeGreaterThan(line!.score);
  });
  it('ignores numbers followed by ordinary words', () => {
    expect(found('We have 3 Large Boxes and 12 apples, 7 Main things', 'STREET_ADDRESS')).toEqual([]);
  });
});

describe('date of birth', () => {
  it('needs a birth context word', () => {
    expect(found('DOB: 03/14/1980', 'DATE_OF_BIRTH')).toEqual(['03/14/1980']);
    expect(found('was born on July 4th, 1976 in Ohio', 'DATE_OF_BIRTH')).toEqual(['July 4th, 1976']);
    expect(found('date of birth 1980-02-29; birthday 4 March 1990', 'DATE_OF_BIRTH')).toEqual(['1980-02-29', '4 March 1990']);
    expect(found('meeting on 03/14/1980 and 1980-02-29', 'DATE_OF_BIRTH')).toEqual([]);
  });
  it('rejects impossible dates', () => {
    expect(calendarDate(1981, 2, 29)).toBe(false);
    expect(calendarDate(2000, 2, 29)).toBe(true);
    expect(found('DOB 1981-02-29, DOB 13/13/1980, DOB February 30, 1980', 'DATE_OF_BIRTH')).toEqual([]);
  });
});

describe('DoD ID (EDIPI)', () => {
  it('needs context and ten digits exactly', () => {
    expect(found('DoD ID: 1234567890', 'DOD_ID')).toEqual(['1234567890']);
    expect(found('CAC EDIPI 1234567890', 'DOD_ID')).toEqual(['1234567890']);
    expect(found('invoice 1234567890', 'DOD_ID')).toEqual([]);
    expect(found('EDIPI 123456789, EDIPI 12345678901, EDIPI 0000000000', 'DOD_ID')).toEqual([]);
  });
});

describe('US passport', () => {
  it('needs context and one of the two formats', () => {
    expect(found('Passport number A12345678', 'US_PASSPORT')).toEqual(['A12345678']);
    expect(found('passport: 123456789', 'US_PASSPORT')).toEqual(['123456789']);
    expect(found('part A12345678', 'US_PASSPORT')).toEqual([]);
    expect(found('passport AB1234567 or 12345678', 'US_PASSPORT')).toEqual([]);
  });
});

describe('person names', () => {
  it('finds titled names and gazetteer first names with a surname', () => {
    const text = "Dr. Jane Doe met Sgt. Robert O'Brien, Michael McDonald and Mary Smith-Jones.";
    expect(found(text, 'PERSON')).toEqual(['Jane Doe', "Robert O'Brien", 'Michael McDonald', 'Mary Smith-Jones']);
  });
  it('scores titled names higher than gazetteer matches', () => {
    const [titled, plain] = analyze('Mrs. Dana Scully and Jennifer Lopez', { types: ['PERSON'] });
    expect(titled!.score).toBe(0.8);
    expect(plain!.score).toBe(0.6);
  });
  it('does not fire on lower case, unknown first names, places or calendar words', () => {
    const text = 'james smith, Zorblax Quux, New York City, Washington Monument, Michael Street, Thomas Friday, The Report.';
    expect(found(text, 'PERSON')).toEqual([]);
  });
});
