/** The DOCX body through mammoth (semantic HTML), then the shared block walker. */
import mammoth from 'mammoth';
import { DomUtils, parseDocument } from 'htmlparser2';
import { AssayError } from '../../../errors/index.js';
import { htmlBlocks, type Block } from '../html/index.js';
import type { ParseInput } from '../parser.js';

/** Mammoth's default map plus the title-like styles it leaves as plain paragraphs. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Caption'] => p:fresh",
];

/** Images are not text: keep mammoth from base64-encoding every picture into the HTML. */
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: '' }));

/** The body blocks and mammoth's own warnings. */
export interface DocxBody {
  blocks: Block[];
  warnings: string[];
}

/**
 * Mammoth puts footnotes and endnotes at the end as `<li id="footnote-1">…<a href="#footnote-ref-1">↑</a></li>`:
 * drop the back-links and make each note a paragraph, so a note's portion mark starts its element.
 */
function tidyNotes(doc: ReturnType<typeof parseDocument>): void {
  for (const a of DomUtils.findAll((e) => e.name === 'a' && /^#(?:foot|end)note-ref-/.test(e.attribs.href ?? ''), doc.children)) DomUtils.removeElement(a);
  for (const li of DomUtils.findAll((e) => e.name === 'li' && /^(?:foot|end)note-/.test(e.attribs.id ?? ''), doc.children)) li.name = 'div';
}

/**
 * Converts the body (paragraphs, headings, lists, tables, footnotes and endnotes) into blocks.
 * @example const { blocks } = await docxBody(input)
 */
export async function docxBody(input: ParseInput): Promise<DocxBody> {
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    const buffer = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    result = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, convertImage: NO_IMAGES, externalFileAccess: false });
  } catch (err) {
    throw new AssayError('DATASET_INVALID', `${input.path}: the Word document body cannot be read (${(err as Error).message}).`, {
      where: { file: input.path },
      cause: err,
      hint: 'The file is damaged or not really a DOCX; open and re-save it in Word, then ingest again.',
    });
  }
  const doc = parseDocument(result.value);
  tidyNotes(doc);
  const seen = new Set<string>();
  const warnings: string[] = [];
  for (const m of result.messages) {
    if (seen.has(m.message) || seen.size >= 5) continue;
    seen.add(m.message);
    warnings.push(`${input.path}: ${m.message}`);
  }
  return { blocks: htmlBlocks(doc), warnings };
}
