/** Finds the program in a model's answer: the last fenced block in the language, else any fenced block, else the whole text. */
import type { SandboxLanguage } from '../../sandbox/sandbox.js';

/** The code, and where it came from (said in the score's explanation). */
export interface ExtractedCode {
  code: string;
  from: string;
}

/** Info-string tags that name each language in a ``` fence. */
const TAGS: Record<SandboxLanguage, readonly string[]> = {
  python: ['python', 'python3', 'py', 'py3'],
  javascript: ['javascript', 'js', 'node', 'nodejs', 'mjs', 'cjs'],
};

const FENCE = /```[ \t]*([\w+#.-]*)[^\n]*\n([\s\S]*?)```/g;
/** An opening fence never closed: the answer ran out of tokens inside the block. */
const OPEN_FENCE = /```[ \t]*([\w+#.-]*)[^\n]*\n([\s\S]*)$/;
const THINKING = /<think(?:ing)?>[\s\S]*?<\/think(?:ing)?>/gi;

/**
 * @example extractCode('Here:\n```python\ndef f(): return 1\n```', 'python') // { code: 'def f(): return 1\n', from: 'the last ```python block' }
 */
export function extractCode(answer: string, language: SandboxLanguage): ExtractedCode {
  const text = answer.replace(THINKING, '');
  const blocks: Array<{ tag: string; body: string }> = [];
  let end = 0;
  for (const m of text.matchAll(FENCE)) {
    blocks.push({ tag: m[1]!.toLowerCase(), body: m[2]! });
    end = m.index + m[0].length;
  }
  const open = OPEN_FENCE.exec(text.slice(end));
  if (open) blocks.push({ tag: open[1]!.toLowerCase(), body: open[2]! });

  const tags = TAGS[language];
  const inLanguage = blocks.findLast((b) => tags.includes(b.tag));
  if (inLanguage) return { code: inLanguage.body, from: `the last \`\`\`${inLanguage.tag} block` };
  const untagged = blocks.findLast((b) => b.tag === '');
  if (untagged) return { code: untagged.body, from: 'the last ``` block' };
  const last = blocks.at(-1);
  if (last) return { code: last.body, from: `the last \`\`\`${last.tag} block` };
  return { code: text.trim(), from: 'the whole answer (no ``` block)' };
}
