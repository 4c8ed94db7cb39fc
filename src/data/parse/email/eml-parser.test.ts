import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { labelElements, parseElements } from '../../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { attachmentName, emlParser, htmlToText } from './index.js';

function input(bytes: Uint8Array, path = 'mail.eml'): ParseInput {
  return { bytes, path, sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS };
}
const crlf = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n'));
const pdfBytes = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** Notional training fixture: a marked message with a PDF-like attachment and an attached message. */
const MESSAGE = crlf([
  'From: "Ann Analyst" <ann@example.mil>',
  'To: bob@example.mil, "Carol C" <carol@example.mil>',
  'Cc: ops@example.mil',
  'Subject: =?UTF-8?B?KFUpIFLDqXN1bcOpIG9mIHRoZSBleGVyY2lzZQ==?=',
  'Date: Tue, 01 Oct 2024 10:00:00 +0000',
  'Message-ID: <m1@example.mil>',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="outer"',
  '',
  '--outer',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'CLASSIFICATION: SECRET//NOFORN',
  '',
  '(S//NF) The exercise starts Monday.',
  'Bring the binder.',
  '',
  '(U) Lunch is provided.',
  '',
  'CLASSIFICATION: SECRET//NOFORN',
  '--outer',
  'Content-Type: application/pdf; name="plan.pdf"',
  'Content-Disposition: attachment; filename="plan.pdf"',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from(pdfBytes).toString('base64'),
  '--outer',
  'Content-Type: message/rfc822',
  'Content-Disposition: attachment',
  '',
  'From: dave@example.mil',
  'To: ann@example.mil',
  'Subject: (U) Earlier note',
  'Date: Mon, 30 Sep 2024 09:00:00 +0000',
  '',
  'See attached.',
  '--outer--',
  '',
]);

describe('emlParser', () => {
  it('emits header elements, body paragraphs with banners kept verbatim, properties and embedded attachments', async () => {
    const parsed = await emlParser.parse(input(MESSAGE));
    expect(parsed.elements.map((e) => [e.type, e.metadata.emailField ?? '', e.text])).toEqual([
      ['email_header', 'from', 'Ann Analyst <ann@example.mil>'],
      ['email_header', 'to', 'bob@example.mil, Carol C <carol@example.mil>'],
      ['email_header', 'cc', 'ops@example.mil'],
      ['email_header', 'date', '2024-10-01T10:00:00.000Z'],
      ['email_header', 'subject', '(U) Résumé of the exercise'],
      ['header', '', 'CLASSIFICATION: SECRET//NOFORN'],
      ['narrative_text', '', '(S//NF) The exercise starts Monday.\nBring the binder.'],
      ['narrative_text', '', '(U) Lunch is provided.'],
      ['footer', '', 'CLASSIFICATION: SECRET//NOFORN'],
    ]);
    parseElements(parsed.elements);
    const joined = parsed.elements.map((e) => e.text).join('\n\n');
    for (const e of parsed.elements) expect(joined.slice(e.position.charStart, e.position.charEnd)).toBe(e.text);
    const labels = labelElements(parsed.elements).map((e) => e.label);
    expect(labels[4]).toBe('UNCLASSIFIED');
    expect(labels[6]).toBe('SECRET//NOFORN');
    expect(parsed.properties).toEqual({
      'message-id': '<m1@example.mil>',
      date: '2024-10-01T10:00:00.000Z',
      from: 'Ann Analyst <ann@example.mil>',
      subject: '(U) Résumé of the exercise',
      attachments: '2',
    });
    expect(parsed.embedded.map((f) => f.path)).toEqual(['mail.eml!/attachment-1/plan.pdf', 'mail.eml!/attachment-2/message.eml']);
    expect(Buffer.from(parsed.embedded[0]!.bytes).equals(Buffer.from(pdfBytes))).toBe(true);
  });

  it('leaves the attached message whole, so it parses as a document of its own', async () => {
    const outer = await emlParser.parse(input(MESSAGE));
    const attached = outer.embedded[1]!;
    const inner = await emlParser.parse(input(attached.bytes, attached.path));
    expect(inner.properties.subject).toBe('(U) Earlier note');
    expect(inner.elements.at(-1)!.text).toBe('See attached.');
    expect(outer.elements.some((e) => e.text.includes('See attached'))).toBe(false);
  });

  it('turns an HTML-only body into paragraphs, titles and list items', async () => {
    const html = crlf([
      'From: ann@example.mil',
      'Subject: Notes',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><head><style>p{color:red}</style><title>x</title></head><body>',
      '<h2>Agenda</h2><p>First&nbsp;point is <b>bold</b>.</p><ul><li>one</li><li>two</li></ul>',
      '<table><tr><td>a</td><td>b</td></tr></table><script>alert(1)</script></body></html>',
    ]);
    const parsed = await emlParser.parse(input(html));
    expect(parsed.elements.slice(2).map((e) => [e.type, e.text])).toEqual([
      ['title', 'Agenda'],
      ['narrative_text', 'First point is bold.'],
      ['list_item', '- one'],
      ['list_item', '- two'],
      ['narrative_text', 'a | b'],
    ]);
    expect(htmlToText('<p>a<br>b</p><div>c</div>')).toBe('a\nb\n\nc');
  });

  it('rejects bytes that are not a message with DATASET_INVALID and a reason', async () => {
    for (const bytes of [new Uint8Array([0, 1, 2, 0xff, 0xfe, 10, 13, 10, 65]), new TextEncoder().encode('just some words\n\nmore words'), new Uint8Array(0)]) {
      const err = await emlParser.parse(input(bytes)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AssayError);
      expect((err as AssayError).code).toBe('DATASET_INVALID');
      expect((err as AssayError).message).toMatch(/not a readable e-mail message: \S/);
    }
  });

  it('makes attachment names safe path segments', () => {
    expect(attachmentName({ filename: '../../etc/passwd', mimeType: 'text/plain' })).toBe('passwd');
    expect(attachmentName({ filename: 'C:\\temp\\a\u0001.doc', mimeType: 'application/msword' })).toBe('a.doc');
    expect(attachmentName({ filename: '..', mimeType: 'application/pdf' })).toBe('attachment.bin');
    expect(attachmentName({ filename: null, mimeType: 'message/rfc822' })).toBe('message.eml');
  });
});
