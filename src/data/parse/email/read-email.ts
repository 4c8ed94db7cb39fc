/** Parses one RFC 5322 message with postal-mime; anything that is not a message becomes DATASET_INVALID with a reason. */
import PostalMime, { type Email } from 'postal-mime';
import { AssayError } from '../../../errors/index.js';

/** At least one of these must be present for the bytes to count as an e-mail message. */
const KNOWN_HEADERS = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'received', 'sender', 'return-path', 'mime-version']);
/** A header name is printable ASCII without a colon (RFC 5322 §2.2). */
const HEADER_NAME = /^[!-9;-~]+$/;

function invalid(path: string, reason: string, cause?: unknown): AssayError {
  return new AssayError('DATASET_INVALID', `${path}: not a readable e-mail message: ${reason}.`, {
    where: { file: path },
    ...(cause === undefined ? {} : { cause }),
    hint: 'Check that the file is a complete RFC 5322 message (.eml): header lines, a blank line, then the body.',
  });
}

/**
 * The parsed message. `message/rfc822` parts are kept as attachments (raw bytes), so ingest parses each attached
 * message as a document of its own rather than merging its text into this one.
 * @example const email = await readEmail(bytes, 'mail.eml'); email.subject
 */
export async function readEmail(bytes: Uint8Array, path: string): Promise<Email> {
  if (bytes.length === 0) throw invalid(path, 'the file is empty');
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  } catch (err) {
    throw invalid(path, (err as Error).message, err);
  }
  const bad = email.headers.find((h) => !HEADER_NAME.test(h.key));
  if (bad) throw invalid(path, `header line ${JSON.stringify(bad.originalKey.slice(0, 40))} is not "Name: value"`);
  if (!email.headers.some((h) => KNOWN_HEADERS.has(h.key))) throw invalid(path, 'no From, To, Subject, Date or Message-ID header');
  return email;
}
