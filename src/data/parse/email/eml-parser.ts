/**
 * The e-mail (.eml) parser: `email_header` elements for from, to, cc, date and subject (text = the decoded header
 * value alone, so a marking in the subject labels it; the date as ISO 8601, or the raw value when it does not
 * parse), then the body split as plain text is (banner lines in the first or last body lines become header/footer
 * elements, kept verbatim), and attachments as embedded files.
 */
import type { Email } from 'postal-mime';
import type { ParsedFile, ParseInput, Parser } from '../parser.js';
import { checkLineLength, ElementSink, throwIfAborted } from '../shared/index.js';
import { textBlocks } from '../text/index.js';
import { attachmentFiles } from './attachment-files.js';
import { formatAddresses } from './format-address.js';
import { htmlToText } from './html-to-text.js';
import { readEmail } from './read-email.js';

/** The header fields that become elements, in order. */
const HEADER_FIELDS = ['from', 'to', 'cc', 'date', 'subject'] as const;

function headerValue(email: Email, field: (typeof HEADER_FIELDS)[number]): string {
  if (field === 'date' || field === 'subject') return (email[field] ?? '').trim();
  return formatAddresses(email[field]);
}

/** The body as text: the text/plain part when there is one (postal-mime leaves `text` unset otherwise), else the HTML. */
function bodyText(email: Email): string {
  const text = email.text ?? (email.html ? htmlToText(email.html) : '');
  return text.replace(/\r\n?/g, '\n');
}

function properties(email: Email): Record<string, string> {
  const out: Record<string, string> = { attachments: String(email.attachments.length) };
  const found: Array<[string, string | undefined]> = [
    ['message-id', email.messageId],
    ['date', email.date],
    ['from', formatAddresses(email.from)],
    ['subject', email.subject],
  ];
  for (const [key, value] of found) if (value) out[key] = value;
  return out;
}

/**
 * Parses one message. Malformed input (no e-mail headers, a MIME structure postal-mime refuses) is DATASET_INVALID.
 * @example const parsed = await emlParser.parse({ bytes, path: 'mail.eml', sha256, limits: DEFAULT_PARSE_LIMITS });
 */
export const emlParser: Parser = {
  format: 'eml',
  async parse(input: ParseInput): Promise<ParsedFile> {
    throwIfAborted(input.signal, input.path);
    checkLineLength(input.bytes, { path: input.path, maxLineBytes: input.limits.maxLineBytes });
    const email = await readEmail(input.bytes, input.path);
    throwIfAborted(input.signal, input.path);
    const sink = new ElementSink(input);
    for (const field of HEADER_FIELDS) {
      const value = headerValue(email, field);
      if (value) sink.push('email_header', value, { metadata: { emailField: field } });
    }
    for (const block of textBlocks(bodyText(email))) {
      sink.push(block.type, block.text, block.level === undefined ? {} : { metadata: { level: block.level } });
    }
    return { elements: sink.elements, properties: properties(email), warnings: [], embedded: attachmentFiles(input.path, email.attachments), units: 1 };
  },
};
