import { describe, expect, it } from 'vitest';
import { dehyphenate } from './dehyphenate.js';
import { normalizeText } from './normalize-text.js';

describe('normalizeText', () => {
  it('composes to NFC by default and keeps compatibility characters', () => {
    const out = normalizeText('Cafe\u0301 ﬁle ２');
    expect(out).toBe('Café ﬁle ２');
    expect(out.length).toBe(10);
  });

  it('folds compatibility characters with NFKC', () => {
    expect(normalizeText('Cafe\u0301 ﬁle ２ x²', { form: 'NFKC' })).toBe('Café file 2 x2');
  });

  it('normalises whitespace: odd spaces, invisibles, line ends and blank runs', () => {
    const input = '\ufeffa\u00a0\u00a0b\tc\u200bd  \r\ne \u3000f\r\n\r\n\r\n\r\ng\u2028h ';
    expect(normalizeText(input)).toBe('a b cd\ne f\n\ng\nh');
  });

  it('leaves whitespace alone when asked', () => {
    expect(normalizeText('a  b\r\n', { whitespace: false })).toBe('a  b\r\n');
  });
});

describe('dehyphenate', () => {
  it('joins a lower-case word split across a line break', () => {
    expect(dehyphenate('the infor-\nmation age')).toBe('the information age');
    expect(dehyphenate('an impor-  \r\n   tant point')).toBe('an important point');
    expect(dehyphenate('über-\nzeugend')).toBe('überzeugend');
  });

  it('keeps compounds whose second part starts upper case, or that are not all letters', () => {
    expect(dehyphenate('the Anglo-\nSaxon period')).toBe('the Anglo-\nSaxon period');
    expect(dehyphenate('COVID-\n19 cases')).toBe('COVID-\n19 cases');
    expect(dehyphenate('an F-\n16 jet')).toBe('an F-\n16 jet');
    expect(dehyphenate('Infor-\nmation')).toBe('Infor-\nmation');
  });

  it('leaves in-line hyphens and hyphens at a paragraph end untouched', () => {
    expect(dehyphenate('a well-known fact')).toBe('a well-known fact');
    expect(dehyphenate('pre-\n\npost')).toBe('pre-\n\npost');
  });
});
