import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { emlParser, mboxParser, splitMbox } from './index.js';

function input(bytes: Uint8Array, path = 'inbox.mbox'): ParseInput {
  return { bytes, path, sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS };
}
const text = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);

const MBOX = [
  'From ann@example.mil Tue Oct  1 10:00:00 2024',
  'From: ann@example.mil',
  'Subject: first',
  '',
  'Hello.',
  '>From the start, escaped.',
  '>>From twice escaped.',
  '',
  'From bob@example.mil Tue Oct  1 11:00:00 2024',
  'From: bob@example.mil',
  'Subject: second',
  '',
  'Second body.',
  '',
  'From carol@example.mil Tue Oct  1 12:00:00 2024',
  'From: carol@example.mil',
  'Subject: third',
  '',
  'Third body, From inside a line is fine.',
  '',
].join('\n');

describe('mboxParser', () => {
  it('makes each message an embedded .eml with the From line dropped and >From unescaped', async () => {
    const parsed = await mboxParser.parse(input(text(MBOX)));
    expect(parsed.elements).toEqual([]);
    expect(parsed.units).toBe(3);
    expect(parsed.properties.messages).toBe('3');
    expect(parsed.embedded.map((f) => f.path)).toEqual(['inbox.mbox!/message-1.eml', 'inbox.mbox!/message-2.eml', 'inbox.mbox!/message-3.eml']);
    expect(decode(parsed.embedded[0]!.bytes)).toBe('From: ann@example.mil\nSubject: first\n\nHello.\nFrom the start, escaped.\n>From twice escaped.\n');
    expect(decode(parsed.embedded[2]!.bytes)).toBe('From: carol@example.mil\nSubject: third\n\nThird body, From inside a line is fine.\n');
    const first = await emlParser.parse(input(parsed.embedded[0]!.bytes, parsed.embedded[0]!.path));
    expect(first.properties.subject).toBe('first');
    expect(first.elements.at(-1)!.text).toBe('Hello.\nFrom the start, escaped.\n>From twice escaped.');
  });

  it('slices messages without copying unless a line was unescaped', () => {
    const bytes = text(MBOX);
    const messages = [...splitMbox(bytes)];
    expect(messages.map((m) => m.envelope)).toEqual([
      'From ann@example.mil Tue Oct  1 10:00:00 2024',
      'From bob@example.mil Tue Oct  1 11:00:00 2024',
      'From carol@example.mil Tue Oct  1 12:00:00 2024',
    ]);
    expect(messages[0]!.bytes.buffer).not.toBe(bytes.buffer);
    expect(messages[1]!.bytes.buffer).toBe(bytes.buffer);
  });

  it('trusts a Content-Length that lands on the next envelope (mboxcl2 bodies may hold bare From lines)', () => {
    const body = 'line one\nFrom here on, not an envelope.\n';
    const mbox = ['From a@x Tue Oct  1 10:00:00 2024', `Content-Length: ${body.length}`, 'Subject: cl', '', body, 'From b@x Tue Oct  1 10:00:00 2024', 'Subject: two', '', 'b', ''].join('\n');
    const messages = [...splitMbox(text(mbox))];
    expect(messages).toHaveLength(2);
    expect(decode(messages[0]!.bytes)).toBe(`Content-Length: ${body.length}\nSubject: cl\n\n${body}`);
    expect(decode(messages[1]!.bytes)).toBe('Subject: two\n\nb\n');
  });

  it('reads CRLF mailboxes and refuses a file that does not start with a From line', async () => {
    const parsed = await mboxParser.parse(input(text(MBOX.replace(/\n/g, '\r\n'))));
    expect(parsed.embedded).toHaveLength(3);
    expect(decode(parsed.embedded[1]!.bytes)).toBe('From: bob@example.mil\r\nSubject: second\r\n\r\nSecond body.\r\n');
    await expect(mboxParser.parse(input(text('Subject: x\n\nbody\n')))).rejects.toMatchObject({ code: 'DATASET_INVALID' });
  });
});
