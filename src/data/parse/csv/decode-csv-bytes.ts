/**
 * Bytes to text for delimited files: UTF-16 by byte-order mark, then UTF-8 (BOM dropped), else the encoding chardet
 * ranks first, decoded by iconv-lite. A non-UTF-8 file says which encoding was used and how sure the guess was.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** The decoded text; `encoding` and `confidence` are set when the bytes were not UTF-8. */
export interface DecodedCsv {
  text: string;
  /** The encoding used, when not UTF-8: `UTF-16LE`, `windows-1252`, … */
  encoding?: string;
  /** chardet's confidence, 0 to 100 (100 for a byte-order mark, 0 for the last-resort fallback). */
  confidence?: number;
}

/** chardet reads a sample; 64 KiB is plenty for a guess and bounds the work. */
const SAMPLE_BYTES = 64 * 1024;
/** The last resort: every byte decodes, and it is what most legacy Western files are. */
const FALLBACK = 'windows-1252';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * ISO-8859-1 is read as windows-1252, as browsers do (WHATWG Encoding): the two agree on every printable Latin-1
 * character, and files labelled Latin-1 usually hold Windows curly quotes and dashes in 0x80–0x9F.
 */
function iconvName(name: string): string {
  return name === 'ISO-8859-1' ? FALLBACK : name;
}

function decodeWith(bytes: Uint8Array, encoding: string): string | undefined {
  try {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
  } catch {
    return undefined;
  }
}

/** chardet's best guess that iconv-lite can decode (UTF-8 is excluded: the bytes already failed as UTF-8). */
function guess(bytes: Uint8Array): { encoding: string; confidence: number } {
  for (const match of chardet.analyse(bytes.subarray(0, SAMPLE_BYTES))) {
    const name = iconvName(match.name);
    if (match.name !== 'UTF-8' && iconv.encodingExists(name)) return { encoding: name, confidence: match.confidence };
  }
  return { encoding: FALLBACK, confidence: 0 };
}

/**
 * Decodes a delimited file. Never throws: an encoding iconv-lite cannot use falls back to windows-1252.
 * @example decodeCsvBytes(iconv.encode('café', 'windows-1252')) // { text: 'café', encoding: 'windows-1252', confidence: … }
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const encoding = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    return { text: decodeWith(bytes, encoding) ?? '', encoding, confidence: 100 };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const guessed = guess(bytes);
    const text = decodeWith(bytes, guessed.encoding);
    if (text !== undefined) return { text, ...guessed };
    return { text: decodeWith(bytes, FALLBACK) ?? '', encoding: FALLBACK, confidence: 0 };
  }
}
