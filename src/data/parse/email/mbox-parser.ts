/**
 * The mbox parser: no elements of its own; each message becomes an embedded file `<path>!/message-<n>.eml`, so
 * ingest parses it as a document of its own (with the mbox in its lineage). Splitting scans bytes and slices
 * subarrays, so a large mailbox is never decoded into one string.
 */
import { AssayError } from '../../../errors/index.js';
import type { EmbeddedFile, ParsedFile, ParseInput, Parser } from '../parser.js';
import { throwIfAborted } from '../shared/index.js';
import { firstFromLine, splitMbox } from './split-mbox.js';

/**
 * Splits a mailbox (mboxrd, mboxo, mboxcl, mboxcl2). A file that does not start with a `From ` line is
 * DATASET_INVALID; an empty message is skipped with a warning.
 * @example const parsed = await mboxParser.parse({ bytes, path: 'inbox.mbox', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const mboxParser: Parser = {
  format: 'mbox',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    if (firstFromLine(input.bytes) < 0) {
      throw new AssayError('DATASET_INVALID', `${input.path}: not an mbox mailbox: it does not start with a "From " line.`, {
        where: { file: input.path, line: 1 },
        hint: 'An mbox starts each message with a "From sender date" line; a single message is an .eml file (ingest it with --format eml).',
      });
    }
    const embedded: EmbeddedFile[] = [];
    const warnings: string[] = [];
    let n = 0;
    for (const message of splitMbox(input.bytes)) {
      n += 1;
      if (n % 100 === 0) throwIfAborted(input.signal, input.path);
      if (message.bytes.every((b) => b === 0x0a || b === 0x0d || b === 0x20 || b === 0x09)) {
        warnings.push(`${input.path}: message ${n} (${JSON.stringify(message.envelope)}) is empty; skipped.`);
        continue;
      }
      embedded.push({ path: `${input.path}!/message-${n}.eml`, bytes: message.bytes });
    }
    return { elements: [], properties: { messages: String(n) }, warnings, embedded, units: n };
  },
};
