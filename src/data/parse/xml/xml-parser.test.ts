import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { labelElements } from '../../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { stripDoctype, xmlParser } from './index.js';

function input(text: string | Uint8Array, path = 'records.xml'): ParseInput {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return { bytes, path, sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS };
}

async function failure(promise: Promise<unknown>): Promise<AssayError> {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AssayError);
  return err as AssayError;
}

describe('xmlParser', () => {
  it('gives each element with text as `path: text`, attributes as `path/@name: value`, the root in properties', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<records xmlns="urn:example:records">
  <classification>SECRET//NOFORN</classification>
  <record id="r1"><title>Alpha &amp; Bravo</title><notes>(S//NF) Move at dawn.</notes></record>
  <record id="r2"><title>Charlie</title><notes><![CDATA[Use <care> here]]></notes></record>
</records>`;
    const parsed = await xmlParser.parse(input(xml));
    expect(parsed.elements.map((e) => e.text)).toEqual([
      'SECRET//NOFORN',
      '/records/record[1]/@id: r1',
      '/records/record[1]/title: Alpha & Bravo',
      '(S//NF) /records/record[1]/notes: Move at dawn.',
      '/records/record[2]/@id: r2',
      '/records/record[2]/title: Charlie',
      '/records/record[2]/notes: Use <care> here',
    ]);
    expect(parsed.properties).toEqual({ root: 'records', namespace: 'urn:example:records' });
    expect(parsed.warnings).toEqual([]);
    const labels = labelElements(parsed.elements).map((e) => e.label);
    expect(labels[0]).toBe('SECRET//NOFORN');
    expect(labels[3]).toBe('SECRET//NOFORN');
  });

  it('never expands a DOCTYPE entity bomb or an external entity (XXE)', async () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
    const xml = `<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol0 "lol">
  ${levels}
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY trick "<injected>boo</injected>">
]>
<lolz><a>&lol9;</a><b>&xxe;</b></lolz>`;
    const parsed = await xmlParser.parse(input(xml));
    expect(parsed.elements.map((e) => e.text)).toEqual(['/lolz/a: &lol9;', '/lolz/b: &xxe;']);
    expect(parsed.warnings[0]).toMatch(/not expanded/);
    expect(parsed.properties.root).toBe('lolz');
    expect(stripDoctype(xml).text.split('\n').length).toBe(xml.split('\n').length);
  });

  it('reports malformed XML with line and column', async () => {
    const err = await failure(xmlParser.parse(input('<a>\n  <b>text</c>\n</a>')));
    expect(err.code).toBe('DATASET_INVALID');
    expect(err.where).toMatchObject({ file: 'records.xml', line: 2 });
    expect(err.where?.column).toBeGreaterThan(0);
    expect(err.message).toMatch(/^records\.xml:2:\d+: not well-formed XML/);
    expect((await failure(xmlParser.parse(input('   ')))).message).toContain('empty');
  });

  it('decodes the encoding the declaration names', async () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><n>caf\u00e9</n>', 'latin1');
    const parsed = await xmlParser.parse(input(bytes));
    expect(parsed.elements[0]!.text).toBe('/n: caf\u00e9');
  });

  it('reads elements nested 20,000 deep without overflowing the stack', async () => {
    const n = 20_000;
    const parsed = await xmlParser.parse(input(`${'<a>'.repeat(n)}<b>deep</b>${'</a>'.repeat(n)}`));
    expect(parsed.elements).toHaveLength(1);
    expect(parsed.elements[0]!.text.endsWith('/a/b: deep')).toBe(true);
  });
});
