/**
 * Bytes to a string for every text-like format: UTF-16 by byte-order mark, then UTF-8 (BOM dropped), else the
 * encoding chardet guesses, decoded by iconv-lite, with windows-1252 as the last resort. Never throws.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The decoded text and, when it was not UTF-8, the encoding used and how sure the guess was. */
export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8: `UTF-16LE` (by BOM), the encoding chardet guessed, or windows-1252. */
  guessedEncoding?: string;
  /** chardet's confidence, 0 to 100 (100 for a byte-order mark, 0 for the last-resort fallback). */
  confidence?: number;
}

/** How the guess is made when the bytes are not UTF-8. */
export interface DecodeTextOptions {
  /**
   * The delimited-file rules: chardet's ranked guesses are tried in turn (not only the first), and ISO-8859-1 is
   * read as windows-1252, as browsers do (WHATWG Encoding): the two agree on every printable Latin-1 character,
   * and files labelled Latin-1 usually hold Windows curly quotes and dashes in 0x80–0x9F.
   */
  ranked?: boolean;
}

/** chardet reads a sample; 64 KiB is plenty for a guess and bounds the work. */
const SAMPLE_BYTES = 64 * 1024;
/** The last resort: every byte decodes, and it is what most legacy Western files are. */
const FALLBACK = 'windows-1252';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function decodeWith(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
  } catch {
    return undefined;
  }
}

/** chardet's guess that iconv-lite can decode (UTF-8 is excluded: the bytes already failed as UTF-8). */
function guess(bytes: Uint8Array, ranked: boolean): { encoding: string; confidence: number } {
  const matches = chardet.analyse(bytes.subarray(0, SAMPLE_BYTES));
  for (const match of ranked ? matches : matches.slice(0, 1)) {
    const name = ranked && match.name === 'ISO-8859-1' ? FALLBACK : match.name;
    if (match.name !== 'UTF-8' && iconv.encodingExists(name)) return { encoding: name, confidence: match.confidence };
  }
  return { encoding: FALLBACK, confidence: 0 };
}

/**
 * Decodes `bytes` as text. UTF-8 is tried first (the BOM is dropped); invalid UTF-8 falls back to chardet's guess.
 * @example decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9])) // { text: 'café', guessedEncoding: 'ISO-8859-1', confidence: … }
 */
export function decodeText(bytes: Uint8Array, options: DecodeTextOptions = {}): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    return { text: decodeWith(bytes, encoding) ?? '', guessedEncoding: encoding, confidence: 100 };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const guessed = guess(bytes, options.ranked ?? false);
    const text = decodeWith(bytes, guessed.encoding);
    if (text !== undefined) return { text, guessedEncoding: guessed.encoding, confidence: guessed.confidence };
    return { text: decodeWith(bytes, FALLBACK) ?? '', guessedEncoding: FALLBACK, confidence: 0 };
  }
}
