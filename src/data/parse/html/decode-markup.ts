/** Bytes of a markup file to text: the BOM, else the charset the file declares, else UTF-8 (with a guessed fallback). */
import iconv from 'iconv-lite';
import { decodeText } from '../shared/index.js';

/** The decoded text and, when it was not UTF-8, a warning-worthy note of the encoding used. */
export interface DecodedMarkup {
  text: string;
  /** The encoding used when it was not UTF-8 (declared or guessed). */
  encoding?: string;
  /** Set when the encoding was guessed or the declared one was unknown. */
  warning?: string;
}

/** Declarations sit near the top; 4 KiB is where browsers stop looking too (1 KiB) with room to spare. */
const SNIFF_BYTES = 4096;

/** `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
export const HTML_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;
/** `<?xml version="1.0" encoding="x"?>`. */
export const XML_ENCODING = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;

/**
 * Decodes markup. A BOM wins; a declared charset (found by `declaration` in the first 4 KiB read as Latin-1) is
 * used when iconv-lite knows it; otherwise UTF-8, falling back to chardet's guess for invalid UTF-8.
 * @example decodeMarkup(bytes, HTML_CHARSET) // { text: '<html>…', encoding: 'windows-1252' }
 */
export function decodeMarkup(bytes: Uint8Array, declaration: RegExp): DecodedMarkup {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: iconv.decode(Buffer.from(bytes), 'utf-8', { stripBOM: true }) };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    return { text: iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true }), encoding };
  }
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString('latin1');
  const declared = declaration.exec(head)?.[1]?.toLowerCase();
  // A UTF-16 declaration in ASCII-compatible bytes is a lie every browser ignores; so do we.
  if (declared && !/^utf-?8$|^utf-?16/.test(declared)) {
    if (iconv.encodingExists(declared)) return { text: iconv.decode(Buffer.from(bytes), declared), encoding: declared };
    const decoded = decodeText(bytes);
    return { text: decoded.text, ...(decoded.guessedEncoding ? { encoding: decoded.guessedEncoding } : {}), warning: `declares the unknown charset "${declared}"; decoded as ${decoded.guessedEncoding ?? 'UTF-8'}` };
  }
  const decoded = decodeText(bytes);
  if (!decoded.guessedEncoding) return { text: decoded.text };
  return { text: decoded.text, encoding: decoded.guessedEncoding, warning: `not valid UTF-8; decoded as ${decoded.guessedEncoding} (a guess: check accented characters)` };
}
