/** Tests every report format against one fixture run: content, escaping, self-containment and well-formedness. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import type { ModelCallRecord, MetricRecord, SampleResultRecord, ScoreRecord } from '../store/records.js';
import { buildJsonReport, type JsonReport } from './json/json-report.js';
import { classificationLevel } from './html/classification-banner.js';
import { SAMPLE_BROWSER_SCRIPT } from './html/sample-browser-script.js';
import { REPORT_FORMATS, REPORT_RENDERERS, isReportFormat, renderReport, type ReportFormat } from './render-report.js';
import type { ReportData } from './report-data.js';
import { renderMarkdown } from './markdown/render-markdown.js';
import { escapeMarkdown } from './markdown/escape-markdown.js';
import { escapeXmlAttr, escapeXmlText } from './junit/escape-xml.js';
import { jsonForScript } from './html/json-for-script.js';
import { escapeHtml } from './html/escape-html.js';

/** Model output that tries to break out of HTML, script blocks, Markdown tables and XML. */
const HOSTILE = '<script>alert(1)</script></script><img src=x onerror=alert(2)> | pipe & amp https://evil.example/x\u0001';

const call = (overrides: Partial<ModelCallRecord> = {}): ModelCallRecord => ({
  role: 'solver',
  provider: 'mock',
  model: 'mock-1',
  request: { messages: [{ role: 'user', content: 'q' }], config: {} },
  output: { text: 'a', finishReason: 'stop', usage: { inputTokens: 12, outputTokens: 3 } },
  inputTokens: 12,
  outputTokens: 3,
  latencyMs: 42,
  cost: 0,
  cached: false,
  createdAt: '2025-01-01T00:00:01.000Z',
  ...overrides,
});

/** One sample × epoch record. */
function result(args: {
  id: string;
  epoch?: number;
  category?: string;
  output?: string;
  scores?: ScoreRecord[];
  error?: { code: string; message: string };
}): SampleResultRecord {
  const output = args.output ?? `answer ${args.id}`;
  return {
    runId: 'run-01',
    sampleId: args.id,
    epoch: args.epoch ?? 1,
    sample: { id: args.id, input: `question ${args.id}`, target: '42', metadata: { category: args.category ?? 'math' }, label: 'UNCLASSIFIED' },
    status: args.error ? 'error' : 'completed',
    messages: [
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: `question ${args.id}` },
      ...(args.error ? [] : [{ role: 'assistant' as const, content: output }]),
    ],
    output: args.error ? undefined : output,
    error: args.error,
    scores: args.scores ?? [],
    calls: [call(args.error ? { error: args.error.message, output: undefined, cached: true } : {})],
    label: 'UNCLASSIFIED',
    startedAt: '2025-01-01T00:00:00.000Z',
    completedAt: '2025-01-01T00:00:01.500Z',
  };
}

const score = (scorer: string, value: number, explanation: string, answer?: string): ScoreRecord => ({ scorer, value, explanation, answer });

const metric = (scorer: string, name: string, groupValue: string, value: number, ci: [number, number] | null, n: number): MetricRecord => ({
  scorer,
  metric: name,
  groupKey: groupValue === '' ? '' : 'category',
  groupValue,
  value,
  stderr: ci ? (ci[1] - ci[0]) / 4 : null,
  ciLow: ci?.[0] ?? null,
  ciHigh: ci?.[1] ?? null,
  n,
});

/** Six records (sample `a` has two epochs), scorers `exact` and `judge`, sample `c` errored, `b` hostile. */
function fixture(): ReportData {
  return {
    run: {
      id: 'run-01',
      task: 'arith',
      taskHash: 'th',
      datasetHash: 'dh',
      model: 'mock/mock-1',
      status: 'completed',
      config: {},
      label: 'SECRET//NOFORN',
      createdAt: '2025-01-01T00:00:00.000Z',
      finishedAt: '2025-01-01T00:05:00.000Z',
    },
    results: [
      // Deliberately out of order: every format sorts by id, then epoch.
      result({ id: 'e', scores: [score('exact', 0, 'wrong | answer', '7')] }),
      result({ id: 'a', scores: [score('exact', 1, 'match', '42'), score('judge', 1, 'good')] }),
      result({ id: 'b', category: 'logic', output: HOSTILE, scores: [score('exact', 0, `expected 42, got ${HOSTILE}`, HOSTILE), score('judge', 1, 'fine')] }),
      result({ id: 'c', error: { code: 'MODEL_TIMEOUT', message: 'timed out <after> 30s & gave up' } }),
      result({ id: 'd', scores: [score('exact', 1, 'match', '42'), score('judge', 0.25, 'weak\u0001 \ud800 reasoning')] }),
      result({ id: 'a', epoch: 2, scores: [score('exact', 0, 'line one\nline | two', '41'), score('judge', 0.5, 'so-so')] }),
    ],
    metrics: [
      metric('exact', 'accuracy', '', 0.5, [0.1, 0.9], 4),
      metric('judge', 'mean', '', 0.72, [0.41, 1.03], 3),
      metric('exact', 'accuracy', 'math', 0.67, [0.2, 0.95], 3),
      metric('exact', 'accuracy', '<img src=x onerror=alert(3)>', 0, null, 1),
      metric('judge', 'mean', 'math', 0.58, [0.1, 1.06], 2),
    ],
    generatedAt: '2025-01-01T00:06:00.000Z',
  };
}

/** Checks XML well-formedness by hand: balanced tags, one root, quoted attributes, valid entities and characters. */
function checkXml(xml: string): { ok: true } | { ok: false; reason: string } {
  const token = /<\?xml[^?]*\?>|<\/([A-Za-z_][\w.-]*)\s*>|<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/gy;
  const entity = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
  const illegal = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
  if (illegal.test(xml)) return { ok: false, reason: 'illegal XML character' };
  const stack: string[] = [];
  let roots = 0;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    const [, close, open, attrs, selfClose, text, stray] = m;
    if (stray) return { ok: false, reason: `stray < at ${m.index}` };
    if (text !== undefined) {
      if (text.replace(entity, '').includes('&')) return { ok: false, reason: `bad entity near ${m.index}` };
      if (stack.length === 0 && text.trim() !== '') return { ok: false, reason: 'text outside the root' };
      continue;
    }
    if (attrs && attrs.replace(entity, '').includes('&')) return { ok: false, reason: `bad entity in attribute near ${m.index}` };
    if (close) {
      if (stack.pop() !== close) return { ok: false, reason: `unbalanced </${close}> at ${m.index}` };
    } else if (open) {
      if (stack.length === 0) roots++;
      if (!selfClose) stack.push(open);
    }
  }
  if (token.lastIndex !== 0 && token.lastIndex !== xml.length) return { ok: false, reason: 'unparsed tail' };
  if (stack.length) return { ok: false, reason: `unclosed <${stack.join('> <')}>` };
  return roots === 1 ? { ok: true } : { ok: false, reason: `${roots} root elements` };
}

/** Cells in one Markdown table row, counting only pipes not escaped by a backslash. */
function markdownCells(line: string): number {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes++;
  }
  return pipes - 1;
}

const DATA_BLOCK = /<script type="application\/json" id="assay-data">([\s\S]*?)<\/script>/;

describe('renderReport', () => {
  it('renders every format through the typed map', () => {
    expect(Object.keys(REPORT_RENDERERS).sort()).toEqual([...REPORT_FORMATS].sort());
    for (const format of REPORT_FORMATS) {
      const out = renderReport(fixture(), format);
      expect(out.length).toBeGreaterThan(200);
      expect(out).toContain('arith');
    }
  });

  it('refuses an unknown format with a USAGE error', () => {
    expect(isReportFormat('pdf')).toBe(false);
    expect(isReportFormat('junit')).toBe(true);
    expect(() => renderReport(fixture(), 'pdf' as ReportFormat)).toThrow(AssayError);
    try {
      renderReport(fixture(), 'pdf' as ReportFormat);
    } catch (err) {
      expect((err as AssayError).code).toBe('USAGE');
    }
  });

  it('is deterministic and leaves out generatedAt when not given', () => {
    const { generatedAt: _, ...rest } = fixture();
    for (const format of REPORT_FORMATS) expect(renderReport(rest, format)).toBe(renderReport(rest, format));
    expect(renderReport(rest, 'json')).not.toContain('generatedAt');
    expect(renderReport(fixture(), 'json')).toContain('"generatedAt": "2025-01-01T00:06:00.000Z"');
  });
});

describe('escaping', () => {
  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('writes JSON a script block cannot be closed by', () => {
    const value = { text: '</script><!-- & \u2028 >' };
    const out = jsonForScript(value);
    expect(out).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(out)).toEqual(value);
  });

  it('escapes XML and strips characters XML 1.0 forbids', () => {
    expect(escapeXmlText('a<b>&c\u0000\u0008\ufffe\ud800 \ud83d\ude00\n')).toBe('a&lt;b&gt;&amp;c \ud83d\ude00\n');
    expect(escapeXmlAttr(`"q" 'a'\n\t`)).toBe('&quot;q&quot; &apos;a&apos;&#10;&#9;');
  });

  it('escapes Markdown markup, table pipes, HTML and line starts', () => {
    expect(escapeMarkdown('a | b')).toBe('a \\| b');
    expect(escapeMarkdown('[x](javascript:alert(1)) *b* `c`')).toBe('\\[x\\](javascript:alert(1)) \\*b\\* \\`c\\`');
    expect(escapeMarkdown('<b>&</b>')).toBe('&lt;b&gt;&amp;&lt;/b&gt;');
    expect(escapeMarkdown('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
    expect(escapeMarkdown('# title')).toBe('\\# title');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('0.5')).toBe('0.5');
  });
});

describe('classificationLevel', () => {
  it('reads the level from the first word of the marking', () => {
    expect(classificationLevel('UNCLASSIFIED')).toBe('unclassified');
    expect(classificationLevel('unclassified//fouo')).toBe('unclassified');
    expect(classificationLevel('CONFIDENTIAL//REL TO USA')).toBe('confidential');
    expect(classificationLevel('SECRET//NOFORN')).toBe('secret');
    expect(classificationLevel('TOP SECRET//SCI')).toBe('top-secret');
    expect(classificationLevel('CUI//SP-PRVCY')).toBe('cui');
    expect(classificationLevel('SECRETARIAT')).toBe('unknown');
    expect(classificationLevel('')).toBe('unknown');
  });
});

describe('HTML report', () => {
  const html = renderReport(fixture(), 'html');
  const withoutData = html.replace(DATA_BLOCK, '');

  it('writes to a self-contained file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-report-'));
    writeFileSync(join(dir, 'report.html'), html);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('references nothing outside the file', () => {
    expect(withoutData).not.toMatch(/https?:\/\//i);
    expect(withoutData).not.toMatch(/<link\b/i);
    // A src attribute in any real tag (escaped text has no raw '<', so it cannot match).
    expect(withoutData).not.toMatch(/<[^>]*\ssrc\s*=/i);
    expect(withoutData).not.toMatch(/url\s*\(/i);
    expect(withoutData).not.toMatch(/@import/i);
    expect(withoutData).not.toMatch(/@font-face/i);
    expect(withoutData).not.toMatch(/\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\b/);
    // The one place a URL may appear is the untrusted sample text, inside the JSON block.
    expect(html.match(DATA_BLOCK)?.[1]).toContain('https://evil.example/x');
  });

  it('shows the classification banner at top and bottom, coloured by level', () => {
    const banners = html.match(/<div class="banner banner-(top|bottom) cls-secret"[^>]*>SECRET\/\/NOFORN<\/div>/g);
    expect(banners).toHaveLength(2);
    expect(html.indexOf('class="banner banner-top')).toBeLessThan(html.indexOf('<header>'));
    expect(html.indexOf('class="banner banner-bottom')).toBeGreaterThan(html.indexOf('</main>'));
    const unclassified = renderReport({ ...fixture(), run: { ...fixture().run, label: 'UNCLASSIFIED' } }, 'html');
    expect(unclassified).toContain('cls-unclassified');
  });

  it('has the run header, metrics table, charts and group breakdowns', () => {
    for (const text of ['run-01', 'mock/mock-1', 'completed', '2025-01-01T00:05:00.000Z', '5 / 1', '5 (6 sample × epoch)']) {
      expect(withoutData).toContain(text);
    }
    expect(withoutData).toContain('<td>exact</td><td>accuracy</td><td class="num">0.500</td><td class="num">0.200</td><td class="num">[0.100, 0.900]</td><td class="num">4</td>');
    // One chart per scorer, one per scorer × metric of the category breakdown.
    expect(withoutData.match(/<svg class="chart"/g)).toHaveLength(4);
    expect(withoutData).toContain('<h3>By category</h3>');
    expect(withoutData).toContain('aria-label="exact · accuracy by category"');
    // The sample table's rows are built in the browser, not up front.
    expect(withoutData).toContain('<tbody id="sample-rows"></tbody>');
  });

  it('draws accuracy on 0–1 and means on their own scale', () => {
    const exactChart = withoutData.match(/<svg class="chart"[^>]*aria-label="exact"[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(exactChart).toContain('>0</text>');
    expect(exactChart).toContain('>1</text>');
    // judge's CI runs to 1.03, so its axis goes past 1.
    const judgeChart = withoutData.match(/<svg class="chart"[^>]*aria-label="judge"[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(judgeChart).toMatch(/>1\.[1-9]\d*<\/text>/);
  });

  it('escapes model text and hostile names everywhere', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html.match(/<script/gi)).toHaveLength(2);
    expect(withoutData).toContain('&lt;img src=x onerror=alert(3)&gt;');
  });

  it('embeds the samples as JSON that parses back unchanged', () => {
    const block = html.match(DATA_BLOCK)?.[1] ?? '';
    expect(block).not.toContain('<');
    const parsed = JSON.parse(block) as { scorers: string[]; samples: JsonReport['samples'] };
    expect(parsed.scorers).toEqual(['exact', 'judge']);
    expect(parsed.samples).toEqual(buildJsonReport(fixture()).samples);
    expect(parsed.samples.find((s) => s.id === 'b')?.output).toBe(HOSTILE);
  });

  it('allows only its own script and style by hash, and the script compiles', () => {
    const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1] ?? '';
    expect(script).toBe(SAMPLE_BROWSER_SCRIPT);
    expect(() => new Script(script)).not.toThrow();
    const hash = createHash('sha256').update(script).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain("default-src 'none'");
    const style = html.match(/<style>([\s\S]*?)<\/style>/)?.[1] ?? '';
    expect(html).toContain(`style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    // The script writes model text as text only.
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function/);
  });
});

describe('Markdown report', () => {
  const md = renderReport(fixture(), 'md');
  const lines = md.split('\n');

  it('has title, summary, metrics, breakdowns, errors and failing samples', () => {
    expect(lines[0]).toBe('**Classification: SECRET//NOFORN**');
    expect(lines.at(-2)).toBe('**Classification: SECRET//NOFORN**');
    expect(md).toContain('# Assay report: arith');
    expect(md).toContain('| exact | accuracy | 0.500 | 0.200 | \\[0.100, 0.900\\] | 4 |');
    expect(md).toContain('## Breakdown by category');
    expect(md).toContain('## Errored samples (1)');
    expect(md).toContain('- **c** (epoch 1): MODEL\\_TIMEOUT: timed out &lt;after&gt; 30s &amp; gave up');
    // a epoch 2, b, d and e fail; a epoch 1 passes.
    expect(md).toContain('## Failing samples (4 of 4)');
    expect(md.match(/^### /gm)).toHaveLength(4);
    expect(md).toContain('### a (epoch 2)');
    expect(md).not.toContain('### a (epoch 1)');
    expect(md).toContain('- **exact**: 0 — line one<br>line \\| two');
  });

  it('keeps every table row at its header’s cell count', () => {
    let expected = 0;
    let tables = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        expected = 0;
        continue;
      }
      if (expected === 0) {
        expected = markdownCells(line);
        tables++;
      }
      expect(markdownCells(line), line).toBe(expected);
    }
    expect(tables).toBe(3);
  });

  it('escapes hostile text and fences answers so they cannot close early', () => {
    // Fenced code shows text literally; everywhere else markup must be escaped.
    const fences = md.match(/^(`{3,})text\n[\s\S]*?\n\1$/gm) ?? [];
    expect(fences.some((f) => f.includes(HOSTILE))).toBe(true);
    const prose = fences.reduce((text, f) => text.replace(f, ''), md);
    expect(prose).not.toContain('<script>');
    expect(prose).not.toContain('<img');
    expect(prose).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('&lt;img src=x onerror=alert(3)&gt;');
    const tricky = fixture();
    tricky.results = [result({ id: 'z', output: 'x ``` y', scores: [score('exact', 0, 'no', 'x ``` y')] })];
    expect(renderMarkdown(tricky)).toContain('````text\nx ``` y\n````');
  });

  it('limits the failing list', () => {
    expect(renderMarkdown(fixture(), { maxFailing: 1 })).toContain('## Failing samples (1 of 4)');
  });
});

describe('JSON report', () => {
  const parsed = JSON.parse(renderReport(fixture(), 'json')) as JsonReport;

  it('has the documented shape', () => {
    expect(Object.keys(parsed)).toEqual(['version', 'generatedAt', 'run', 'metrics', 'groups', 'samples']);
    expect(parsed.run).toMatchObject({ id: 'run-01', task: 'arith', label: 'SECRET//NOFORN', finishedAt: '2025-01-01T00:05:00.000Z', error: null });
    expect(parsed.run.counts).toEqual({ samples: 5, records: 6, completed: 5, errored: 1 });
    expect(parsed.metrics).toEqual({
      exact: { accuracy: { value: 0.5, stderr: 0.2, ci: [0.1, 0.9], n: 4 } },
      judge: { mean: { value: 0.72, stderr: expect.closeTo(0.155, 9), ci: [0.41, 1.03], n: 3 } },
    });
    expect(parsed.groups).toHaveLength(3);
    expect(parsed.groups[1]).toEqual({ scorer: 'exact', metric: 'accuracy', key: 'category', group: '<img src=x onerror=alert(3)>', value: 0, stderr: null, ci: null, n: 1 });
  });

  it('lists samples by id then epoch with scores, transcript, calls and errors', () => {
    expect(parsed.samples.map((s) => `${s.id}/${s.epoch}`)).toEqual(['a/1', 'a/2', 'b/1', 'c/1', 'd/1', 'e/1']);
    const a2 = parsed.samples[1]!;
    expect(Object.keys(a2)).toEqual(['id', 'epoch', 'status', 'label', 'target', 'metadata', 'scores', 'output', 'error', 'messages', 'calls', 'startedAt', 'completedAt']);
    expect(a2.scores).toEqual({ exact: { value: 0, answer: '41', explanation: 'line one\nline | two' }, judge: { value: 0.5, answer: null, explanation: 'so-so' } });
    expect(a2.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
    expect(a2.calls[0]).toEqual({ role: 'solver', provider: 'mock', model: 'mock-1', inputTokens: 12, outputTokens: 3, latencyMs: 42, cost: 0, cached: false, output: 'a', error: null, createdAt: '2025-01-01T00:00:01.000Z' });
    const c = parsed.samples[3]!;
    expect(c).toMatchObject({ status: 'error', output: null, error: { code: 'MODEL_TIMEOUT', message: 'timed out <after> 30s & gave up' }, scores: {} });
    expect(parsed.samples[2]!.output).toBe(HOSTILE);
  });

  it('keeps a scorer named __proto__ as data', () => {
    const data = fixture();
    data.results = [result({ id: 'p', scores: [score('__proto__', 1, 'ok')] })];
    const sample = (JSON.parse(renderReport(data, 'json')) as JsonReport).samples[0]!;
    expect(Object.keys(sample.scores)).toEqual(['__proto__']);
  });
});

describe('JUnit report', () => {
  const xml = renderReport(fixture(), 'junit');

  it('is well-formed XML', () => {
    expect(checkXml(xml)).toEqual({ ok: true });
    // The checker itself catches what it should.
    expect(checkXml('<a><b></a></b>').ok).toBe(false);
    expect(checkXml('<a>x & y</a>').ok).toBe(false);
    expect(checkXml('<a>x <script> y</a>').ok).toBe(false);
    expect(checkXml('<a/><b/>').ok).toBe(false);
    expect(checkXml('<a>\u0001</a>').ok).toBe(false);
  });

  it('has one testsuite with the right counts', () => {
    expect(xml.match(/<testsuite /g)).toHaveLength(1);
    // 6 records × 2 scorers; c errors on both; a/2 ×2, b, d and e fail once each; e has no judge score.
    expect(xml).toContain('<testsuite name="arith" tests="12" failures="5" errors="2" skipped="1" time="9.000"');
    expect(xml.match(/<testcase /g)).toHaveLength(12);
    expect(xml.match(/<failure /g)).toHaveLength(5);
    expect(xml.match(/<error /g)).toHaveLength(2);
    expect(xml.match(/<skipped /g)).toHaveLength(1);
    expect(xml).toContain('<testcase classname="arith.exact" name="a epoch 2" time="1.500">');
    expect(xml).toContain('<testcase classname="arith.judge" name="a epoch 1" time="1.500"/>');
  });

  it('puts the explanation in the failure message and escapes everything', () => {
    expect(xml).toContain('<failure type="score" message="score 0: line one&#10;line | two">');
    expect(xml).toContain('<error type="MODEL_TIMEOUT" message="timed out &lt;after&gt; 30s &amp; gave up">');
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml).toContain('message="score 0.250: weak  reasoning"');
    expect(xml).toContain('<property name="run.label" value="SECRET//NOFORN"/>');
  });
});
