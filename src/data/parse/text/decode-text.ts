/** Bytes to a string: UTF-8 (BOM stripped), UTF-16 by BOM, else the encoding chardet guesses, decoded by iconv-lite. */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The decoded text and, when it was not UTF-8, the encoding used. */
export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8: the encoding chardet guessed (or windows-1252 as the last resort). */
  guessedEncoding?: string;
}

/** chardet reads a sample; 64 KiB is plenty for a guess and bounds the work. */
const SAMPLE_BYTES = 64 * 1024;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Decodes `bytes` as text. UTF-8 is tried first (the BOM is dropped); invalid UTF-8 falls back to chardet's guess.
 * @example decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])) // { text: 'café', guessedEncoding: 'ISO-8859-1' }
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: iconv.decode(bytes, encoding, { stripBOM: true }), guessedEncoding: encoding.toUpperCase() };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const guess = chardet.detect(bytes.subarray(0, SAMPLE_BYTES));
    const encoding = guess && guess !== 'UTF-8' && iconv.encodingExists(guess) ? guess : 'windows-1252';
    return { text: iconv.decode(bytes, encoding, { stripBOM: true }), guessedEncoding: encoding };
  }
}
