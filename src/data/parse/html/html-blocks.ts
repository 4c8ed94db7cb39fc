/**
 * A block-aware HTML walker (htmlparser2 DOM): headings, paragraphs, list items, tables and code as separate blocks,
 * so block boundaries never glue words together the way a flat `.text()` does ("Report(U//FOUO)").
 */
import { parseDocument } from 'htmlparser2';
import type { ElementType } from '../../elements/index.js';
import { childrenOf, isCdata, isComment, isTag, isText, plainText, type DomElement, type DomNode } from './dom-nodes.js';
import { markBannerFurniture, splitBannerLines } from './banner-blocks.js';
import { tableBlock, type Block } from './block.js';

type DomDocument = ReturnType<typeof parseDocument>;

/** Content that is never text for a reader. */
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'embed', 'svg', 'math', 'canvas']);
/** Elements that end the running text and start a new block. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'main', 'nav', 'ol', 'p', 'section',
  'summary', 'ul', 'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot',
]);
const HEADING = /^h([1-6])$/;

interface Context {
  type: ElementType;
  level?: number;
}

/** Work for the iterative walk: a node to visit, or the end of a block (restore the outer context). */
type Task = { node: DomNode; siblings: readonly DomNode[] } | { exit: Context };

/** Tables nested deeper than this are read as plain blocks (each level of table nesting is a nested walk). */
const MAX_TABLE_DEPTH = 8;

/** The rows of a table (its own rows, not those of tables nested in its cells), padded to one width. */
function tableRows(table: DomNode, depth: number): string[][] {
  const rows: string[][] = [];
  const sections = [table];
  while (sections.length) {
    for (const child of childrenOf(sections.shift()!)) {
      if (!isTag(child)) continue;
      if (child.name === 'tr') {
        const cells = child.children.filter((c) => isTag(c) && (c.name === 'td' || c.name === 'th'));
        rows.push(cells.map((c) => walkNodes(childrenOf(c), depth + 1).map((b) => b.text.replace(/\n/g, ' ')).join(' ').trim()));
      } else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') sections.push(child);
    }
  }
  const kept = rows.filter((r) => r.some((c) => c !== ''));
  const width = Math.max(0, ...kept.map((r) => r.length));
  return kept.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** `<code>` alone in its block (only whitespace beside it) is a code block, not inline code. */
function isLoneCode(node: DomElement, siblings: readonly DomNode[]): boolean {
  return node.name === 'code' && siblings.every((s) => s === node || (isText(s) && s.data.trim() === '') || isComment(s));
}

/** Walks a node list with an explicit stack, so tag soup nested thousands deep cannot overflow the call stack. */
class Walker {
  readonly blocks: Block[] = [];
  #buffer = '';
  #context: Context = { type: 'narrative_text' };
  #tasks: Task[] = [];

  constructor(private readonly tableDepth: number) {}

  flush(): void {
    const text = this.#buffer.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n');
    this.#buffer = '';
    if (text === '') return;
    const { type, level } = this.#context;
    if (type === 'title') this.blocks.push({ type, text: text.replace(/\n/g, ' '), ...(level === undefined ? {} : { level }) });
    else this.blocks.push(...splitBannerLines(type, text));
  }

  walk(nodes: readonly DomNode[]): void {
    this.#push(nodes);
    while (this.#tasks.length) {
      const task = this.#tasks.pop()!;
      if ('exit' in task) {
        this.flush();
        this.#context = task.exit;
      } else if (isText(task.node)) this.#buffer += task.node.data.replace(/\s+/g, ' ');
      else if (isCdata(task.node)) this.#push(childrenOf(task.node));
      else if (isTag(task.node)) this.element(task.node, task.siblings);
    }
    this.flush();
  }

  #push(nodes: readonly DomNode[]): void {
    for (let i = nodes.length - 1; i >= 0; i--) this.#tasks.push({ node: nodes[i]!, siblings: nodes });
  }

  /** Starts a block: what is buffered ends, `children` are read in `context`, and the block ends after them. */
  #within(context: Context, children: readonly DomNode[]): void {
    this.flush();
    this.#tasks.push({ exit: this.#context });
    this.#context = context;
    this.#push(children);
  }

  element(node: DomElement, siblings: readonly DomNode[]): void {
    const name = node.name.toLowerCase();
    const heading = HEADING.exec(name);
    if (DROPPED.has(name)) return;
    if (name === 'br') this.#buffer += '\n';
    else if (heading) this.#within({ type: 'title', level: Number(heading[1]) }, node.children);
    else if (name === 'li') this.#within({ type: 'list_item' }, node.children);
    else if (name === 'table' && this.tableDepth < MAX_TABLE_DEPTH) this.table(node);
    else if (name === 'pre' || isLoneCode(node, siblings)) this.code(node);
    else if (BLOCKS.has(name)) this.#within({ type: this.#context.type === 'list_item' ? 'list_item' : 'narrative_text' }, node.children);
    else this.#push(node.children);
  }

  table(node: DomElement): void {
    this.flush();
    const caption = node.children.find((c) => isTag(c) && c.name === 'caption');
    if (caption) this.blocks.push(...walkNodes(childrenOf(caption), this.tableDepth + 1));
    const rows = tableRows(node, this.tableDepth);
    if (rows.length) this.blocks.push(tableBlock(rows));
  }

  code(node: DomElement): void {
    this.flush();
    const text = plainText(node).replace(/\r\n?/g, '\n').replace(/^\n+|\s+$/g, '');
    if (text.trim() !== '') this.blocks.push({ type: 'code', text });
  }
}

function walkNodes(nodes: readonly DomNode[], tableDepth = 0): Block[] {
  const walker = new Walker(tableDepth);
  walker.walk(nodes);
  return walker.blocks;
}

/**
 * The blocks of an HTML document or fragment, in reading order; `script`, `style`, `noscript`, `template` and the
 * `head` are dropped; a leading or trailing banner-only block becomes `header`/`footer`.
 * @example htmlBlocks('<div>SECRET</div><h1>Plan</h1><p>Text.</p>').map((b) => b.type) // ['header', 'title', 'narrative_text']
 */
export function htmlBlocks(html: string | DomDocument): Block[] {
  const doc = typeof html === 'string' ? parseDocument(html) : html;
  const blocks = walkNodes(doc.children);
  markBannerFurniture(blocks);
  return blocks;
}
