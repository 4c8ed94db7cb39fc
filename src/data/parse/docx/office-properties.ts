/**
 * Document properties from `docProps/core.xml` (title, author, dates) and `docProps/custom.xml` (custom properties,
 * where labelling tools such as Titus or Purview `MSIP_Label_*` store a classification: kept, never trusted over the
 * visible markings).
 */
import { DomUtils } from 'htmlparser2';
import { childrenOf, isTag, plainText } from '../html/index.js';
import { ooxmlDom } from './ooxml-part.js';

/** core.xml element (local name) → property name; `creator` is `author`, as for PDF. */
const CORE_FIELDS: Readonly<Record<string, string>> = {
  title: 'title', subject: 'subject', creator: 'author', keywords: 'keywords', description: 'description',
  lastModifiedBy: 'lastModifiedBy', created: 'created', modified: 'modified', category: 'category', contentStatus: 'contentStatus',
};

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Strings only, blanks left out; custom properties as `custom.<name>`.
 * @example officeProperties({ core, custom }, 'a.docx') // { title: 'Plan', author: 'J. Doe', 'custom.Classification': 'SECRET' }
 */
export function officeProperties(parts: { core?: string; custom?: string }, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (parts.core) {
    const doc = ooxmlDom(parts.core, { path, part: 'docProps/core.xml' });
    const root = doc.children.find(isTag);
    for (const field of root ? childrenOf(root).filter(isTag) : []) {
      const name = CORE_FIELDS[localName(field.name)];
      const value = clean(plainText(field));
      if (name && value) out[name] = value;
    }
  }
  if (parts.custom) {
    const doc = ooxmlDom(parts.custom, { path, part: 'docProps/custom.xml' });
    for (const property of DomUtils.getElementsByTagName((n) => localName(n) === 'property', doc.children, true)) {
      const name = clean(property.attribs.name ?? '');
      const value = clean(plainText(property));
      if (name && value) out[`custom.${name}`] = value;
    }
  }
  return out;
}
