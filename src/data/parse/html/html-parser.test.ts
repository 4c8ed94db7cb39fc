import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../../errors/index.js';
import { labelElements } from '../../elements/index.js';
import { DEFAULT_PARSE_LIMITS, type ParseInput } from '../parser.js';
import { htmlParser, isBannerOnly } from './index.js';

function input(bytes: Uint8Array, overrides: Partial<ParseInput> = {}): ParseInput {
  return { bytes, path: 'page.html', sha256: createHash('sha256').update(bytes).digest('hex'), limits: DEFAULT_PARSE_LIMITS, ...overrides };
}
const utf8 = (s: string) => new TextEncoder().encode(s);

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Exercise  Report</title>
<meta name="author" content="J. Analyst"><meta name="description" content="After-action notes">
<style>.banner { color: red }</style><script>document.write('SECRET//NOFORN injected')</script></head>
<body><div class="banner">SECRET//NOFORN</div>
<h1>Report</h1><h2>Findings</h2>
<p>(S//NF) The first <b>finding</b> is here.<br>It continues.</p><p>(U) Second paragraph.</p>
<ul><li>milk</li><li><p>eggs</p><ul><li>nested item</li></ul></li></ul>
<table><thead><tr><th>Unit</th><th>Role</th></tr></thead><tbody><tr><td>Alpha</td><td>Lead <i>element</i></td></tr><tr><td>Bravo</td></tr></tbody></table>
<pre>  let x = 1;
  print(x)</pre><noscript>Enable JS</noscript><template><p>hidden</p></template>
<div>Outer<div>inner</div>tail</div>
<div class="banner">SECRET//NOFORN</div></body></html>`;

describe('htmlParser', () => {
  it('walks blocks: banner header/footer, titles with levels, paragraphs, list items, table rows, code; drops scripts', async () => {
    const parsed = await htmlParser.parse(input(utf8(PAGE)));
    expect(parsed.elements.map((e) => [e.type, e.text])).toEqual([
      ['header', 'SECRET//NOFORN'],
      ['title', 'Report'],
      ['title', 'Findings'],
      ['narrative_text', '(S//NF) The first finding is here.\nIt continues.'],
      ['narrative_text', '(U) Second paragraph.'],
      ['list_item', 'milk'],
      ['list_item', 'eggs'],
      ['list_item', 'nested item'],
      ['table', 'Unit | Role\nAlpha | Lead element\nBravo | '],
      ['code', '  let x = 1;\n  print(x)'],
      ['narrative_text', 'Outer'],
      ['narrative_text', 'inner'],
      ['narrative_text', 'tail'],
      ['footer', 'SECRET//NOFORN'],
    ]);
    expect(parsed.elements.map((e) => e.metadata.level).slice(1, 3)).toEqual([1, 2]);
    expect(parsed.elements[8]!.metadata.table?.rows).toEqual([['Unit', 'Role'], ['Alpha', 'Lead element'], ['Bravo', '']]);
    expect(parsed.properties).toEqual({ title: 'Exercise Report', author: 'J. Analyst', description: 'After-action notes' });
    expect(parsed.elements.some((e) => /injected|color|Enable JS|hidden/.test(e.text))).toBe(false);
    const labels = labelElements(parsed.elements).map((e) => e.label);
    expect(labels[3]).toBe('SECRET//NOFORN');
    expect(labels[4]).toBe('UNCLASSIFIED');
    const joined = parsed.elements.map((e) => e.text).join('\n\n');
    for (const e of parsed.elements) expect(joined.slice(e.position.charStart, e.position.charEnd)).toBe(e.text);
  });

  it('keeps a banner line inside a paragraph as its own element and never glues blocks', async () => {
    const parsed = await htmlParser.parse(input(utf8('<p>Intro</p><p>CONFIDENTIAL<br>Body after the banner.</p><div><span>Report</span><div>(U//FOUO) Next</div></div>')));
    expect(parsed.elements.map((e) => e.text)).toEqual(['Intro', 'CONFIDENTIAL', 'Body after the banner.', 'Report', '(U//FOUO) Next']);
    expect(isBannerOnly('CONFIDENTIAL')).toBe(true);
    expect(isBannerOnly('Confidential matters')).toBe(false);
  });

  it('decodes with the charset from <meta>, and from a UTF-16 BOM', async () => {
    const latin = iconv.encode('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><p>Caf\u00e9 cr\u00e8me \u20ac5</p></body></html>', 'windows-1252');
    const parsed = await htmlParser.parse(input(latin));
    expect(parsed.elements[0]!.text).toBe('Caf\u00e9 cr\u00e8me \u20ac5');
    expect(parsed.properties.encoding).toBe('windows-1252');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>na\u00efve</p>', 'utf16le')]);
    expect((await htmlParser.parse(input(utf16))).elements[0]!.text).toBe('na\u00efve');
  });

  it('refuses a text run over limits.maxLineBytes', async () => {
    const err = await htmlParser.parse(input(utf8(`<p>${'x'.repeat(3000)}</p>`), { limits: { ...DEFAULT_PARSE_LIMITS, maxLineBytes: 1000 } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AssayError);
    expect((err as AssayError).code).toBe('LIMIT_EXCEEDED');
  });

  it('survives tag soup nested 20,000 deep (an iterative walk; the recursive one overflowed at 3,000)', async () => {
    const n = 10_000;
    const parsed = await htmlParser.parse(input(utf8(`<div>${'<font><b>'.repeat(n)}deep text${'<p>para'.repeat(3)}`)));
    expect(parsed.elements.map((e) => e.text)).toEqual(['deep text', 'para', 'para', 'para']);
  });
});
