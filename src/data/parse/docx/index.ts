/** The DOCX parser, and the Office Open XML package pieces the XLSX parser shares (container checks, properties). */
export { docxParser } from './docx-parser.js';
export { assertOfficeBytes, MAX_PART_BYTES, readOfficePackage, type OfficeKind, type OfficePackage } from './office-zip.js';
export { officeProperties } from './office-properties.js';
export { assertNoDtd, ooxmlDom, paragraphTexts } from './ooxml-part.js';
