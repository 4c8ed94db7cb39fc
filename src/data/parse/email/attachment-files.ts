/** E-mail attachments as embedded files, each under its own numbered folder so equal names never collide. */
import type { Attachment } from 'postal-mime';
import type { EmbeddedFile } from '../parser.js';

/** Longest file name kept (characters). */
const MAX_NAME = 200;

/**
 * A safe last path segment from an attachment's declared name: no folders, no control characters, not `.`/`..`;
 * a nameless attached message is `message.eml`, any other nameless part `attachment.bin`.
 * @example attachmentName({ filename: '../../etc/passwd', mimeType: 'text/plain' }) // 'passwd'
 */
export function attachmentName(a: Pick<Attachment, 'filename' | 'mimeType'>): string {
  const base = (a.filename ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_NAME);
  if (clean && clean !== '.' && clean !== '..') return clean;
  return a.mimeType === 'message/rfc822' ? 'message.eml' : 'attachment.bin';
}

function contentBytes(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/**
 * `<path>!/attachment-<n>/<name>` for each attachment, n from 1.
 * @example attachmentFiles('mail.eml', email.attachments)[0].path // 'mail.eml!/attachment-1/report.pdf'
 */
export function attachmentFiles(path: string, attachments: readonly Attachment[]): EmbeddedFile[] {
  return attachments.map((a, i) => ({ path: `${path}!/attachment-${i + 1}/${attachmentName(a)}`, bytes: contentBytes(a.content) }));
}
