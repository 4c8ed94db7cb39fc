/** The closed set of element types a parser may produce (a subset of Unstructured's ElementType, renamed to snake_case). */

/** Every element type, in no particular order. */
export const ELEMENT_TYPES = [
  'title',
  'narrative_text',
  'list_item',
  'table',
  'header',
  'footer',
  'page_break',
  'email_header',
  'image_text',
  'code',
  'other',
] as const;

/** One element type. */
export type ElementType = (typeof ELEMENT_TYPES)[number];

const TYPES: ReadonlySet<string> = new Set(ELEMENT_TYPES);

/** True when `value` is one of `ELEMENT_TYPES`. */
export function isElementType(value: unknown): value is ElementType {
  return typeof value === 'string' && TYPES.has(value);
}
