import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { textParser } from './index.js';

function input(bytes: Uint8Array, overrides: Partial<ParseInput> = {}): ParseInput {
  return { bytes, path: 'notes.txt', sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS, ...overrides };
}
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('textParser', () => {
  it('splits paragraphs on blank lines, keeps banner lines apart and reads headings and list items', async () => {
    const text = '\ufeffSECRET//NOFORN\n# Exercise Plan\n\n(S//NF) First paragraph\ncontinues here.\n\n- milk\n- eggs\n\nTitle Two\n=========\nLast words.\r\nSECRET//NOFORN\n';
    const parsed = await textParser.parse(input(utf8(text)));
    expect(parsed.elements.map((e) => [e.type, e.text])).toEqual([
      ['header', 'SECRET//NOFORN'],
      ['title', 'Exercise Plan'],
      ['narrative_text', '(S//NF) First paragraph\ncontinues here.'],
      ['list_item', '- milk'],
      ['list_item', '- eggs'],
      ['title', 'Title Two'],
      ['narrative_text', 'Last words.'],
      ['footer', 'SECRET//NOFORN'],
    ]);
    expect(parsed.elements[1]!.metadata.level).toBe(1);
    expect(parsed.elements[5]!.metadata.level).toBe(1);
    expect(parsed.warnings).toEqual([]);
    const joined = parsed.elements.map((e) => e.text).join('\n\n');
    for (const e of parsed.elements) expect(joined.slice(e.position.charStart, e.position.charEnd)).toBe(e.text);
  });

  it('keeps a banner split over two lines whole, and leaves prose that starts with a level word alone', async () => {
    const parsed = await textParser.parse(input(utf8('SECRET//\nNOFORN\nSecret plans are prose.\nTOP SECRET//SI\n')));
    expect(parsed.elements.map((e) => [e.type, e.text])).toEqual([
      ['header', 'SECRET//\nNOFORN'],
      ['narrative_text', 'Secret plans are prose.'],
      ['footer', 'TOP SECRET//SI'],
    ]);
  });

  it('gives the same ids on a second parse', async () => {
    const bytes = utf8('a\n\nb');
    const [a, b] = await Promise.all([textParser.parse(input(bytes)), textParser.parse(input(bytes))]);
    expect(a.elements.map((e) => e.id)).toEqual(b.elements.map((e) => e.id));
  });

  it('decodes invalid UTF-8 with a guessed encoding and says so', async () => {
    const latin1 = Buffer.from('Caf\u00e9 cr\u00e8me, na\u00efve r\u00e9sum\u00e9 \u00e0 la fran\u00e7aise. '.repeat(20), 'latin1');
    const parsed = await textParser.parse(input(latin1));
    expect(parsed.elements[0]!.text).toContain('Café crème');
    expect(parsed.warnings[0]).toMatch(/not valid UTF-8; decoded as (ISO-8859-1|windows-1252)/);
  });

  it('refuses a 12 MB single-line file with LIMIT_EXCEEDED naming the line, without decoding it', async () => {
    const bytes = new Uint8Array(12 * 1024 * 1024 + 20).fill(0x61);
    bytes.set(utf8('first\n'), 0);
    const err = await textParser.parse(input(bytes)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('LIMIT_EXCEEDED');
    expect((err as AssayError).message).toContain('line 2');
    expect((err as AssayError).where?.line).toBe(2);
  });

  it('stops when the signal has fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(textParser.parse(input(utf8('x'), { signal: controller.signal }))).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
