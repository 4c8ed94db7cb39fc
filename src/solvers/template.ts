/** Fills `{name}` placeholders in prompt templates; unknown names are left as written (so JSON survives). */

/**
 * @example renderTemplate('Q: {input}\nA:', { input: '2+2?' }) // 'Q: 2+2?\nA:'
 */
export function renderTemplate(template: string, vars: Readonly<Record<string, unknown>>): string {
  return template.replace(/\{([A-Za-z_][A-Za-z0-9_.]*)\}/g, (whole, name: string) => {
    const value = lookup(vars, name);
    if (value === undefined) return whole;
    return typeof value === 'string' ? value : JSON.stringify(value);
  });
}

function lookup(vars: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in vars) return vars[name];
  let cur: unknown = vars;
  for (const part of name.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}
