/** Blanks out an XML document type declaration, so its internal subset (entity definitions) is never seen by the walker. */

/** The text with the DOCTYPE blanked (newlines kept, so line numbers hold) and what the DOCTYPE declared. */
export interface Stripped {
  text: string;
  /** True when the DOCTYPE declared entities (`<!ENTITY`): they are not expanded. */
  entities: boolean;
  /** True when a DOCTYPE was present. */
  doctype: boolean;
}

/**
 * Finds `<!DOCTYPE … [ … ]>` (quotes, brackets and comments inside the subset respected) and replaces every
 * character of it but newlines with a space. Nothing in it is ever parsed, expanded or fetched.
 * @example stripDoctype('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>').entities // true
 */
export function stripDoctype(xml: string): Stripped {
  const start = xml.indexOf('<!DOCTYPE');
  if (start < 0) return { text: xml, entities: false, doctype: false };
  let depth = 0;
  let quote = '';
  let end = xml.length;
  for (let i = start + 9; i < xml.length; i++) {
    const ch = xml[i]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (xml.startsWith('<!--', i)) {
      const close = xml.indexOf('-->', i + 4);
      i = close < 0 ? xml.length : close + 2;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') depth += 1;
    else if (ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === '>' && depth === 0) {
      end = i + 1;
      break;
    }
  }
  const declaration = xml.slice(start, end);
  return { text: xml.slice(0, start) + declaration.replace(/[^\n]/g, ' ') + xml.slice(end), entities: declaration.includes('<!ENTITY'), doctype: true };
}
