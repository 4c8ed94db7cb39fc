/**
 * Opens an Office Open XML package (DOCX, XLSX) with fflate, after telling apart the files that only look like one:
 * password-protected Office files (an OLE compound file holding `EncryptionInfo`), legacy .doc/.xls, and non-ZIPs.
 */
import { unzipSync } from 'fflate';
import { AssayError } from '../../../errors/index.js';
import type { ParseInput } from '../parser.js';

/** Which Office document the package should be. */
export type OfficeKind = 'docx' | 'xlsx';

/** The package's member names and the inflated parts that were asked for (UTF-8 text). */
export interface OfficePackage {
  names: string[];
  parts: Map<string, string>;
}

/** One XML part larger than this is refused: Office parts that size are bombs or blobs, not documents. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const NAMES = { docx: { doc: 'Word document (DOCX)', legacy: 'legacy Word 97-2003 (.doc)', main: 'word/document.xml' }, xlsx: { doc: 'Excel workbook (XLSX)', legacy: 'legacy Excel 97-2003 (.xls)', main: 'xl/workbook.xml' } } as const;

function invalid(input: ParseInput, reason: string, hint: string, cause?: unknown): AssayError {
  return new AssayError('DATASET_INVALID', `${input.path}: ${reason}.`, { where: { file: input.path }, hint, ...(cause === undefined ? {} : { cause }) });
}

/** True when `bytes` hold `needle` as UTF-16LE (how OLE directory entries spell stream names). */
function hasUtf16(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(needle, 'utf16le'));
}

/**
 * Throws DATASET_INVALID with the reason when `bytes` cannot be an Office Open XML package of `kind`: empty,
 * encrypted (password-protected Office files are OLE containers, starting D0 CF 11 E0, with an `EncryptionInfo`
 * stream), a legacy binary Office file, or not a ZIP at all.
 * @example assertOfficeBytes(input, 'docx')
 */
export function assertOfficeBytes(input: ParseInput, kind: OfficeKind): void {
  const { bytes } = input;
  const name = NAMES[kind];
  if (bytes.length === 0) throw invalid(input, `is empty (0 bytes), not a ${name.doc}`, 'Copy the file again from its source.');
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    if (hasUtf16(bytes, 'EncryptionInfo')) {
      throw invalid(input, `is a password-protected (encrypted) ${name.doc}`, 'Remove the password in the authoring application (or ask the owner for an unprotected copy), then ingest again.');
    }
    throw invalid(input, `is an OLE compound file (a ${name.legacy} file?), not a ${name.doc}`, 'Save it as the modern format in the authoring application, then ingest again.');
  }
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw invalid(input, `is not a ${name.doc}: it is not a ZIP package`, 'Check the file: it may be mis-named or damaged.');
}

/**
 * Lists the package and inflates the parts `wanted` accepts. A damaged ZIP, a package without its main part, or a
 * part over `MAX_PART_BYTES` is refused (DATASET_INVALID, or LIMIT_EXCEEDED for the size).
 * @example readOfficePackage(input, 'docx', (name) => /^word\/header\d*\.xml$/.test(name))
 */
export function readOfficePackage(input: ParseInput, kind: OfficeKind, wanted: (name: string) => boolean): OfficePackage {
  assertOfficeBytes(input, kind);
  const names: string[] = [];
  let tooBig: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(input.bytes, {
      filter: (f) => {
        names.push(f.name);
        if (!wanted(f.name)) return false;
        if (f.originalSize > MAX_PART_BYTES) tooBig ??= f.name;
        return f.originalSize <= MAX_PART_BYTES;
      },
    });
  } catch (err) {
    throw invalid(input, `is a damaged ${NAMES[kind].doc} (the ZIP package cannot be read: ${(err as Error).message})`, 'Copy the file again from its source, or open and re-save it in the authoring application.', err);
  }
  if (tooBig !== undefined) {
    throw new AssayError('LIMIT_EXCEEDED', `${input.path}: part ${tooBig} is larger than ${MAX_PART_BYTES} bytes.`, { where: { file: input.path, field: tooBig }, hint: 'This is not an ordinary Office document (possibly a ZIP bomb); inspect it before ingesting.' });
  }
  if (!names.includes(NAMES[kind].main)) {
    throw invalid(input, `is a ZIP package without ${NAMES[kind].main}, so not a ${NAMES[kind].doc}`, 'Check the file: it may be another kind of ZIP archive with the wrong extension.');
  }
  const decoder = new TextDecoder('utf-8');
  const parts = new Map(Object.entries(files).map(([name, data]) => [name, decoder.decode(data)] as const));
  return { names, parts };
}
