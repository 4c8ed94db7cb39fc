/** JSON body templates for the http provider: `{{name}}` placeholders filled JSON-safely. */
import { AssayError } from '../../errors/index.js';
import type { ChatMessage } from '../../model/index.js';

/** The placeholders a body template may use. */
export const TEMPLATE_VARS = ['prompt', 'messages_json', 'model', 'temperature', 'max_tokens'] as const;
export type TemplateVar = (typeof TEMPLATE_VARS)[number];

/** Values for one request; `undefined` renders as `null` (bare) or nothing (inside a string). */
export interface TemplateValues {
  prompt: string;
  messages_json: readonly ChatMessage[];
  model: string;
  temperature: number | undefined;
  max_tokens: number | undefined;
}

type Part = { text: string } | { name: TemplateVar; inString: boolean };

/** A template split once into literal text and placeholders. */
export interface BodyTemplate {
  readonly source: string;
  readonly parts: readonly Part[];
}

const SAMPLE: TemplateValues = { prompt: 'p "q"', messages_json: [{ role: 'user', content: 'p' }], model: 'm', temperature: 0.5, max_tokens: 8 };

/**
 * Compiles a template, failing with CONFIG_INVALID on an unknown placeholder or on a template that is not JSON
 * once filled. A bare placeholder becomes a JSON value (`{{prompt}}` → `"text"`, `{{temperature}}` → `0.7`);
 * one inside a string is spliced in escaped (`"Q: {{prompt}}"`).
 *
 * @example compileBodyTemplate('{"model": {{model}}, "messages": {{messages_json}}}')
 */
export function compileBodyTemplate(source: string): BodyTemplate {
  const template: BodyTemplate = { source, parts: splitTemplate(source) };
  try {
    JSON.parse(renderBodyTemplate(template, SAMPLE));
  } catch (err) {
    throw new AssayError('CONFIG_INVALID', `-M body_template is not valid JSON once its placeholders are filled (${(err as Error).message}).`, {
      hint: 'Write placeholders bare where a JSON value goes: {"prompt": {{prompt}}, "temperature": {{temperature}}}.',
    });
  }
  return template;
}

/** Fills a compiled template; the result is JSON text. */
export function renderBodyTemplate(template: BodyTemplate, values: TemplateValues): string {
  let out = '';
  for (const part of template.parts) {
    if ('text' in part) out += part.text;
    else out += part.inString ? asStringContent(values[part.name]) : asJsonValue(values[part.name]);
  }
  return out;
}

function asJsonValue(value: TemplateValues[TemplateVar]): string {
  return value === undefined ? 'null' : JSON.stringify(value);
}

function asStringContent(value: TemplateValues[TemplateVar]): string {
  if (value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : JSON.stringify(value);
  return JSON.stringify(text).slice(1, -1);
}

function splitTemplate(source: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '{' && source[i + 1] === '{') {
      const end = source.indexOf('}}', i + 2);
      const name = end < 0 ? '' : source.slice(i + 2, end).trim();
      if (!isTemplateVar(name)) throw unknownPlaceholder(end < 0 ? source.slice(i, i + 20) : source.slice(i, end + 2));
      if (text) parts.push({ text });
      text = '';
      parts.push({ name, inString });
      i = end + 1;
      continue;
    }
    if (inString && ch === '\\') {
      text += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') inString = !inString;
    text += ch;
  }
  if (text) parts.push({ text });
  return parts;
}

function isTemplateVar(name: string): name is TemplateVar {
  return (TEMPLATE_VARS as readonly string[]).includes(name);
}

function unknownPlaceholder(found: string): AssayError {
  return new AssayError('CONFIG_INVALID', `-M body_template uses an unknown placeholder ${found}.`, {
    hint: `Valid placeholders: ${TEMPLATE_VARS.map((v) => `{{${v}}}`).join(', ')}.`,
  });
}
