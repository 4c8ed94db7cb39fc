// Body-template substitution and dotted response paths of the http provider.
import { describe, expect, it } from 'vitest';
import { AssayError } from '../../errors/index.js';
import { compileBodyTemplate, renderBodyTemplate, type TemplateValues } from './body-template.js';
import { getAtPath } from './json-path.js';

const VALUES: TemplateValues = {
  prompt: 'Say "hi"\n\\ then {{model}} ✓',
  messages_json: [
    { role: 'system', content: 'Be "brief"' },
    { role: 'user', content: 'hello' },
  ],
  model: 'llama-3',
  temperature: 0.2,
  max_tokens: 64,
};

function render(template: string, values: TemplateValues = VALUES): unknown {
  return JSON.parse(renderBodyTemplate(compileBodyTemplate(template), values));
}

describe('http body templates', () => {
  it('fills bare placeholders with JSON values, escaping quotes, newlines and backslashes', () => {
    const body = render('{"model": {{model}}, "prompt": {{prompt}}, "t": {{temperature}}, "n": {{max_tokens}}, "m": {{messages_json}}}');
    expect(body).toEqual({ model: 'llama-3', prompt: VALUES.prompt, t: 0.2, n: 64, m: VALUES.messages_json });
  });

  it('splices placeholders inside a JSON string as escaped text', () => {
    const body = render('{"input": "Q: {{prompt}} (model {{model}}, t={{temperature}})", "raw": "{{messages_json}}"}');
    expect(body).toEqual({
      input: `Q: ${VALUES.prompt} (model llama-3, t=0.2)`,
      raw: JSON.stringify(VALUES.messages_json),
    });
  });

  it('does not substitute placeholder text that arrives inside a value', () => {
    const body = render('{"p": {{prompt}}}') as { p: string };
    expect(body.p).toContain('{{model}}');
  });

  it('tracks escaped quotes when deciding whether a placeholder is inside a string', () => {
    expect(render('{"a": "x \\" y {{model}}", "b": {{model}}}')).toEqual({ a: 'x " y llama-3', b: 'llama-3' });
  });

  it('renders unset settings as null bare and as nothing inside strings', () => {
    const values = { ...VALUES, temperature: undefined, max_tokens: undefined };
    expect(render('{"t": {{temperature}}, "s": "n={{max_tokens}}"}', values)).toEqual({ t: null, s: 'n=' });
  });

  it('rejects an unknown placeholder, listing the valid ones', () => {
    const err = catchError(() => compileBodyTemplate('{"p": {{promt}}}'));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('{{promt}}');
    expect(err.hint).toContain('{{prompt}}');
  });

  it('rejects a template that is not JSON once filled', () => {
    const err = catchError(() => compileBodyTemplate('{"p": {{prompt}}'));
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('body_template');
  });
});

describe('getAtPath', () => {
  const body = { choices: [{ message: { content: 'ok' } }], usage: { n: 3 } };

  it('follows object keys and array indexes', () => {
    expect(getAtPath(body, 'choices.0.message.content')).toBe('ok');
    expect(getAtPath(body, 'usage.n')).toBe(3);
  });

  it('gives undefined for a missing step, a bad index or an inherited key', () => {
    expect(getAtPath(body, 'choices.1.message.content')).toBeUndefined();
    expect(getAtPath(body, 'choices.first')).toBeUndefined();
    expect(getAtPath(body, 'usage.n.deeper')).toBeUndefined();
    expect(getAtPath(body, 'usage.toString')).toBeUndefined();
  });
});

function catchError(fn: () => unknown): AssayError {
  try {
    fn();
  } catch (err) {
    if (err instanceof AssayError) return err;
    throw err;
  }
  throw new Error('expected an AssayError');
}
