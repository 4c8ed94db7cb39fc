import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect-language.js';

// Sentences not in the bundled samples (held out), ~60–90 letters each.
const HELD_OUT = {
  en: 'The committee will meet again next week to discuss the budget.',
  de: 'Die Kommission wird sich nächste Woche wieder treffen, um den Haushalt zu besprechen.',
  fr: 'La commission se réunira de nouveau la semaine prochaine pour discuter du budget.',
  es: 'La comisión se reunirá de nuevo la próxima semana para discutir el presupuesto.',
  it: 'La commissione si riunirà di nuovo la prossima settimana per discutere il bilancio.',
  pt: 'A comissão vai se reunir novamente na próxima semana para discutir o orçamento.',
  nl: 'De commissie komt volgende week weer bijeen om de begroting te bespreken.',
  ru: 'Комиссия снова соберётся на следующей неделе, чтобы обсудить бюджет.',
} as const;

describe('detectLanguage', () => {
  for (const [lang, text] of Object.entries(HELD_OUT)) {
    it(`detects ${lang} on a short held-out sentence`, () => {
      const guess = detectLanguage(text);
      expect(guess.language).toBe(lang);
      expect(guess.confidence).toBeGreaterThan(0.9);
    });
  }

  it('decides CJK, Arabic and Greek by script', () => {
    expect(detectLanguage('委员会下周将再次开会讨论预算问题。').language).toBe('zh');
    expect(detectLanguage('委員会は来週また会合を開きます。').language).toBe('ja');
    expect(detectLanguage('위원회는 다음 주에 다시 만납니다').language).toBe('ko');
    expect(detectLanguage('ستجتمع اللجنة مرة أخرى الأسبوع المقبل').language).toBe('ar');
    expect(detectLanguage('Η επιτροπή θα συνεδριάσει ξανά την επόμενη εβδομάδα').language).toBe('el');
  });

  it('answers und for short strings and markings', () => {
    expect(detectLanguage('SECRET//NOFORN').language).toBe('und');
    expect(detectLanguage('Hello there').language).toBe('und');
    expect(detectLanguage('12345 67890 !!!').language).toBe('und');
  });
});
