/** morse: the prompt in Morse code (letters, digits, common punctuation), with an instruction to decode it. */
import type { Converter } from '../converter.js';

export const MORSE: Readonly<Record<string, string>> = {
  a: '.-', b: '-...', c: '-.-.', d: '-..', e: '.', f: '..-.', g: '--.', h: '....', i: '..', j: '.---', k: '-.-', l: '.-..', m: '--',
  n: '-.', o: '---', p: '.--.', q: '--.-', r: '.-.', s: '...', t: '-', u: '..-', v: '...-', w: '.--', x: '-..-', y: '-.--', z: '--..',
  '0': '-----', '1': '.----', '2': '..---', '3': '...--', '4': '....-', '5': '.....', '6': '-....', '7': '--...', '8': '---..', '9': '----.',
  '.': '.-.-.-', ',': '--..--', '?': '..--..', "'": '.----.', '!': '-.-.--', '/': '-..-.', '(': '-.--.', ')': '-.--.-', ':': '---...',
  '=': '-...-', '+': '.-.-.', '-': '-....-', '"': '.-..-.', '@': '.--.-.',
};

/** Letters separated by spaces, words by " / "; characters with no Morse code are dropped. */
export function toMorse(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => Array.from(word.toLowerCase()).map((c) => MORSE[c]).filter((m) => m !== undefined).join(' '))
    .filter((w) => w !== '')
    .join(' / ');
}

export const morseConverter: Converter = {
  name: 'morse',
  description: 'the prompt in Morse code (letters by spaces, words by " / "), with an instruction to decode it',
  convert: (prompt) => `The following message is in Morse code. Decode it and respond to the decoded message.\n\n${toMorse(prompt)}`,
};
