/** Runs the sample browser's inline script against a tiny fake DOM, with 10,000 samples, to check paging, filters and details. */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { SampleResultRecord } from '../../store/records.js';
import type { ReportData } from '../report-data.js';
import { renderHtml } from './render-html.js';

type Listener = (event: FakeEvent) => void;
interface FakeEvent {
  target: FakeElement;
  key?: string;
  preventDefault(): void;
}

/** Just the DOM surface the script uses; text goes in only through `textContent`. */
class FakeElement {
  readonly children: FakeElement[] = [];
  parentNode: FakeElement | null = null;
  className = '';
  tabIndex = -1;
  colSpan = 1;
  title = '';
  disabled = false;
  value = '';
  private text = '';
  private readonly attributes = new Map<string, string>();
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly tagName: string) {}

  get textContent(): string {
    return this.tagName === '#text' ? this.text : this.children.map((c) => c.textContent).join('');
  }
  set textContent(value: string) {
    this.children.splice(0).forEach((c) => (c.parentNode = null));
    const node = new FakeElement('#text');
    node.text = value;
    this.appendChild(node);
  }
  get firstChild(): FakeElement | null {
    return this.children[0] ?? null;
  }
  get nextSibling(): FakeElement | null {
    const siblings = this.parentNode?.children ?? [];
    return siblings[siblings.indexOf(this) + 1] ?? null;
  }
  appendChild(child: FakeElement): FakeElement {
    return this.insertBefore(child, null);
  }
  insertBefore(child: FakeElement, ref: FakeElement | null): FakeElement {
    child.parentNode?.removeChild(child);
    const at = ref ? this.children.indexOf(ref) : -1;
    this.children.splice(at < 0 ? this.children.length : at, 0, child);
    child.parentNode = this;
    return child;
  }
  removeChild(child: FakeElement): FakeElement {
    this.children.splice(this.children.indexOf(child), 1);
    child.parentNode = null;
    return child;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  /** Delivers an event here and to each ancestor, as bubbling would. */
  fire(type: string, extra: Partial<FakeEvent> = {}): void {
    const event: FakeEvent = { target: this, preventDefault: () => {}, ...extra };
    for (let n: FakeElement | null = this; n; n = n.parentNode) for (const l of n.listeners.get(type) ?? []) l(event);
  }
  /** Every descendant with this tag. */
  all(tag: string): FakeElement[] {
    return this.children.flatMap((c) => [...(c.tagName === tag ? [c] : []), ...c.all(tag)]);
  }
}

function record(i: number): SampleResultRecord {
  const id = `s-${String(i).padStart(5, '0')}`;
  const errored = i % 100 === 7;
  return {
    runId: 'r',
    sampleId: id,
    epoch: 1,
    sample: { id, input: 'q', target: '4', metadata: {}, label: 'UNCLASSIFIED' },
    status: errored ? 'error' : 'completed',
    messages: [
      { role: 'user', content: `what is 2+2? (${id})` },
      { role: 'assistant', content: i === 3 ? '</script><script>alert(1)</script>' : 'four' },
    ],
    output: errored ? undefined : i === 3 ? '</script><script>alert(1)</script>' : 'four',
    error: errored ? { code: 'MODEL_TIMEOUT', message: `timeout on ${id}` } : undefined,
    scores: errored ? [] : [{ scorer: 'exact', value: i % 3 === 0 ? 0 : 1, answer: i === 3 ? '</script>' : '4', explanation: 'compared' }],
    calls: [
      {
        role: 'solver',
        provider: 'mock',
        model: 'm',
        request: { messages: [], config: {} },
        inputTokens: 5,
        outputTokens: 1,
        latencyMs: 12,
        cost: 0,
        cached: i % 2 === 0,
        createdAt: 't',
      },
    ],
    label: 'UNCLASSIFIED',
    startedAt: 't0',
    completedAt: 't1',
  };
}

const TOTAL = 10_000;
const data: ReportData = {
  run: { id: 'r', task: 't', taskHash: 'h', datasetHash: 'd', model: 'mock/m', status: 'completed', config: {}, label: 'UNCLASSIFIED', createdAt: 't' },
  results: Array.from({ length: TOTAL }, (_, i) => record(i)),
  metrics: [{ scorer: 'exact', metric: 'accuracy', groupKey: '', groupValue: '', value: 0.66, stderr: 0.005, ciLow: 0.65, ciHigh: 0.67, n: TOTAL }],
};

/** Renders the report, builds the page's controls in a fake DOM and runs the inline script on them. */
function boot() {
  const html = renderHtml(data);
  const ids = ['assay-data', 'sample-rows', 'sample-filter', 'status-filter', 'sample-info', 'page-prev', 'page-next'];
  const els = new Map(ids.map((id) => [id, new FakeElement(id === 'sample-rows' ? 'tbody' : 'div')]));
  const el = (id: string) => els.get(id)!;
  for (const id of ids) expect(html, id).toContain(`id="${id}"`);
  el('assay-data').textContent = html.match(/<script type="application\/json" id="assay-data">([\s\S]*?)<\/script>/)![1]!;
  el('status-filter').value = 'all';
  const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]!;
  const document = { getElementById: (id: string) => els.get(id) ?? null, createElement: (tag: string) => new FakeElement(tag) };
  // Debounced filtering runs at once here, so no test waits on a timer.
  runInNewContext(script, { document, setTimeout: (fn: () => void) => (fn(), 1), clearTimeout: () => {} });
  const rows = () => el('sample-rows').children;
  return { html, el, rows };
}

describe('sample browser script', () => {
  const { html, el, rows } = boot();

  it('builds no sample rows up front and renders one page in the browser', () => {
    expect(html.match(/<tr/g)!.length).toBeLessThan(10);
    expect(rows()).toHaveLength(100);
    expect(rows()[0]!.children.map((c) => c.textContent)).toEqual(['s-00000', '1', 'completed', '0', '4']);
    expect(el('sample-info').textContent).toBe('Showing 1–100 of 10000 (10000 in all).');
    expect(el('page-prev').disabled).toBe(true);
    el('page-next').fire('click');
    expect(rows()[0]!.children[0]!.textContent).toBe('s-00100');
    el('page-prev').fire('click');
    expect(rows()[0]!.children[0]!.textContent).toBe('s-00000');
  });

  it('filters by text and by status', () => {
    el('sample-filter').value = 'S-0004';
    el('sample-filter').fire('input');
    expect(rows()).toHaveLength(10);
    el('sample-filter').value = '';
    el('status-filter').value = 'error';
    el('status-filter').fire('change');
    expect(el('sample-info').textContent).toBe('Showing 1–100 of 100 (10000 in all).');
    expect(rows().every((r) => r.children[2]!.textContent === 'error')).toBe(true);
    el('status-filter').value = 'failing';
    el('status-filter').fire('change');
    // Multiples of 3 fail, less those that errored (i % 100 === 7 and i % 3 === 0).
    const failing = Array.from({ length: TOTAL }, (_, i) => i).filter((i) => i % 3 === 0 && i % 100 !== 7).length;
    expect(el('sample-info').textContent).toBe(`Showing 1–100 of ${failing} (10000 in all).`);
    el('status-filter').value = 'all';
    el('status-filter').fire('change');
  });

  it('expands a row into its transcript, calls and scores on click, and collapses it again', () => {
    const row = rows()[3]!;
    row.children[4]!.fire('click');
    const detail = rows()[4]!;
    expect(detail.className).toBe('detail');
    expect(row.className).toBe('sample open');
    const text = detail.textContent;
    expect(text).toContain('what is 2+2? (s-00003)');
    expect(text).toContain('</script><script>alert(1)</script>');
    expect(text).toContain('Model calls (1)');
    expect(detail.all('td').map((td) => td.textContent)).toEqual(expect.arrayContaining(['solver', 'mock', 'm', '5', '1', '12', 'no', 'compared']));
    expect(detail.all('div').filter((d) => d.className.startsWith('msg ')).map((d) => d.className)).toEqual(['msg msg-user', 'msg msg-assistant']);
    row.fire('click');
    expect(rows()).toHaveLength(100);
    expect(row.className).toBe('sample');
  });

  it('shows an errored sample’s error, and opens on Enter', () => {
    const row = rows()[7]!;
    row.fire('keydown', { key: 'Enter' });
    const box = rows()[8]!.all('div').find((d) => d.className === 'error-box');
    expect(box?.textContent).toBe('MODEL_TIMEOUT: timeout on s-00007');
  });
});
