/** XML 1.0 escaping: entities for markup characters, and removal of characters XML cannot hold. */

// Outside Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; lone surrogates too.
const ILLEGAL_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\n': '&#10;',
  '\r': '&#13;',
  '\t': '&#9;',
};

/** Removes characters that XML 1.0 forbids (control characters, lone surrogates, U+FFFE/U+FFFF). */
export function stripInvalidXml(text: string): string {
  return text.replace(ILLEGAL_XML, '');
}

/** Escapes element text; line breaks are kept as they are. */
export function escapeXmlText(text: string): string {
  return stripInvalidXml(text).replace(/[&<>]/g, (c) => XML_ESCAPES[c] ?? c);
}

/** Escapes a double-quoted attribute value; line breaks and tabs become character references so parsers keep them. */
export function escapeXmlAttr(text: string): string {
  return stripInvalidXml(text).replace(/[&<>"'\n\r\t]/g, (c) => XML_ESCAPES[c] ?? c);
}
