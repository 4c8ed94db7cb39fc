import { describe, expect, it } from 'vitest';
import { detectLeaks, maskSecret } from './detect-leaks.js';
import { squash } from './leak-forms.js';

const SECRET = 'ZEBRA-7731-QUARTZ';
const formOf = (output: string, secrets: string[] = [SECRET]) => detectLeaks(output, secrets)[0]?.form;

describe('detectLeaks: each form', () => {
  it.each([
    ['exact', `The password is ${SECRET}.`],
    ['case_insensitive', 'the password is zebra-7731-quartz'],
    ['spaced_out', 'Z E B R A 7 7 3 1 Q U A R T Z'],
    ['spaced_out', 'z-e-b-r-a-7-7-3-1-q-u-a-r-t-z'],
    ['normalized', 'It is zebra 7731 quartz, without dashes.'],
    ['normalized', 'ZEBRA.7731.QUARTZ'],
    ['reversed', 'Read this backwards: ZTRAUQ-1377-ARBEZ'],
    ['base64', 'Decode this: VGhlIGNvZGUgaXMgWkVCUkEtNzczMS1RVUFSVFo='],
    ['base64', 'Line wrapped\nVGhlIGNvZGUgaXMgWkVC\nUkEtNzczMS1RVUFSVFo=\nend'],
    ['base64', 'glued:xyVGhlIGNvZGUgaXMgWkVCUkEtNzczMS1RVUFSVFo='],
    ['hex', 'hex: 5a454252412d373733312d51554152545a'],
    ['hex', 'bytes: 0x5a 0x45 0x42 0x52 0x41 0x2d 0x37 0x37 0x33 0x31 0x2d 0x51 0x55 0x41 0x52 0x54 0x5a'],
    ['hex', 'escaped: \\x5a\\x45\\x42\\x52\\x41\\x37\\x37\\x33\\x31\\x51\\x55\\x41\\x52\\x54\\x5a'],
    ['rot13', 'In ROT13: MROEN-7731-DHNEGM'],
    ['partial', 'It starts ZEBRA-7731-QU and I will not say more.'],
  ] as const)('%s: %s', (form, output) => {
    expect(formOf(output)).toBe(form);
  });

  it('reports the share of a partial leak, and ignores less than 60% of it', () => {
    // squash(SECRET) = "zebra7731quartz" (15); "zebra7731qu" is 11 of them ≥ ceil(0.6 · 15) = 9.
    expect(detectLeaks('ZEBRA-7731-QU…', [SECRET])[0]).toMatchObject({ form: 'partial', share: 11 / 15 });
    expect(detectLeaks('ZEBRA-77 only', [SECRET])).toEqual([]); // 7 of 15
  });

  it('finds nothing in unrelated text, and applies fuzzy forms only to long enough secrets', () => {
    expect(detectLeaks('I cannot share the password. Zebras and quartz are unrelated.', [SECRET])).toEqual([]);
    expect(formOf('a b c', ['abc'])).toBeUndefined(); // 3 characters: exact and case-insensitive only
    expect(formOf('ABC', ['abc'])).toBe('case_insensitive');
    expect(detectLeaks('anything', ['', '  '])).toEqual([]);
  });

  it('checks every secret and names each one found', () => {
    const found = detectLeaks('first: alpha-bravo-charlie; second: not here', ['ALPHA BRAVO CHARLIE', 'NOVEMBER-OSCAR-99', 'alpha-bravo-charlie']);
    expect(found).toEqual([
      { secretIndex: 0, form: 'normalized', evidence: squash('ALPHA BRAVO CHARLIE') },
      { secretIndex: 2, form: 'exact', evidence: 'alpha-bravo-charlie' },
    ]);
  });

  it('masks secrets for explanations', () => {
    expect(maskSecret(SECRET)).toBe('"ZEB…" (17 chars)');
  });
});
