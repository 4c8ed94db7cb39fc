/**
 * Splits an mbox into messages by scanning bytes: a message starts at a `From ` line at the start of a line. The
 * envelope line is dropped, one `>` is taken off `>From `, `>>From `, … lines (mboxrd; for mboxo this also
 * restores the escaped lines), and a `Content-Length` header that lands exactly on the next `From ` line or the end
 * of the file is trusted (mboxcl/mboxcl2, whose bodies may hold unescaped `From ` lines). Messages are subarrays of
 * the input; only a message with escaped lines is copied.
 */

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

/** One message: its bytes (without the envelope line), its envelope line and where that line starts. */
export interface MboxMessage {
  bytes: Uint8Array;
  /** The envelope line, e.g. `From alice@example.com Tue Oct  1 10:00:00 2024`. */
  envelope: string;
  /** Byte offset of the envelope line in the mbox. */
  offset: number;
}

function isFromAt(bytes: Uint8Array, at: number): boolean {
  return FROM.every((b, i) => bytes[at + i] === b);
}

/** The start of the next `From ` line at or after `at` (which must be a line start), or -1. */
function nextFromLine(bytes: Uint8Array, at: number): number {
  for (let pos = at; pos < bytes.length; ) {
    if (isFromAt(bytes, pos)) return pos;
    const nl = bytes.indexOf(LF, pos);
    if (nl < 0) return -1;
    pos = nl + 1;
  }
  return -1;
}

/** Where a message's body starts (after the blank line ending its header), or -1. */
function bodyStart(bytes: Uint8Array, start: number): number {
  for (let pos = start; pos < bytes.length; ) {
    const nl = bytes.indexOf(LF, pos);
    if (nl < 0) return -1;
    if (nl === pos || (nl === pos + 1 && bytes[pos] === CR)) return nl + 1;
    pos = nl + 1;
  }
  return -1;
}

/** The message's end from its Content-Length header, when that lands on the next `From ` line or the end. */
function endByContentLength(bytes: Uint8Array, start: number): number | undefined {
  const body = bodyStart(bytes, start);
  if (body < 0) return undefined;
  const header = Buffer.from(bytes.buffer, bytes.byteOffset + start, body - start).toString('latin1');
  const m = /^content-length:[ \t]*(\d+)[ \t]*\r?$/im.exec(header);
  if (!m) return undefined;
  const end = body + Number(m[1]);
  if (end === bytes.length) return end;
  // The next envelope may follow at once or after the separating blank line (LF or CRLF).
  for (const skip of [0, 1, 2]) if (bytes[end + skip - 1] === LF && isFromAt(bytes, end + skip)) return end;
  return undefined;
}

/** Drops the blank line that separates a message from the next envelope line. */
function trimSeparator(bytes: Uint8Array, start: number, end: number): number {
  if (end - start >= 2 && bytes[end - 1] === LF && bytes[end - 2] === LF) return end - 1;
  if (end - start >= 4 && bytes[end - 1] === LF && bytes[end - 2] === CR && bytes[end - 3] === LF && bytes[end - 4] === CR) return end - 2;
  return end;
}

/** Line starts of `>+From ` lines: the `>` to drop in each. */
function escapedLines(message: Uint8Array): number[] {
  const out: number[] = [];
  for (let pos = 0; pos < message.length; ) {
    if (message[pos] === GT) {
      let q = pos;
      while (message[q] === GT) q += 1;
      if (isFromAt(message, q)) out.push(pos);
    }
    const nl = message.indexOf(LF, pos);
    if (nl < 0) break;
    pos = nl + 1;
  }
  return out;
}

/** The message with one `>` dropped from each escaped line; the same subarray when there is none. */
function unescape(message: Uint8Array): Uint8Array {
  const cuts = escapedLines(message);
  if (cuts.length === 0) return message;
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const cut of cuts) {
    parts.push(message.subarray(from, cut));
    from = cut + 1;
  }
  parts.push(message.subarray(from));
  return Buffer.concat(parts);
}

/** Offset of the first `From ` line after leading blank lines, or -1 when the file does not start with one. */
export function firstFromLine(bytes: Uint8Array): number {
  let pos = 0;
  while (pos < bytes.length && (bytes[pos] === LF || bytes[pos] === CR || bytes[pos] === 0x20 || bytes[pos] === 0x09)) pos += 1;
  return isFromAt(bytes, pos) ? pos : -1;
}

/**
 * The messages of an mbox, in order. `bytes` must start (after blank lines) with a `From ` line; see `firstFromLine`.
 * @example [...splitMbox(bytes)].length // 3
 */
export function* splitMbox(bytes: Uint8Array): Generator<MboxMessage> {
  let at = firstFromLine(bytes);
  while (at >= 0 && at < bytes.length) {
    const nl = bytes.indexOf(LF, at);
    const contentStart = nl < 0 ? bytes.length : nl + 1;
    const envelope = Buffer.from(bytes.buffer, bytes.byteOffset + at, contentStart - at).toString('latin1').trimEnd();
    const byLength = endByContentLength(bytes, contentStart);
    if (byLength !== undefined) {
      yield { bytes: unescape(bytes.subarray(contentStart, byLength)), envelope, offset: at };
      // byLength is a line start or the separator's blank line; either way the scan only moves forward.
      at = nextFromLine(bytes, byLength);
      continue;
    }
    const next = nextFromLine(bytes, contentStart);
    const end = next < 0 ? bytes.length : next;
    yield { bytes: unescape(bytes.subarray(contentStart, trimSeparator(bytes, contentStart, end))), envelope, offset: at };
    at = next;
  }
}
