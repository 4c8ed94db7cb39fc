/** OCR of one rendered page: text lines with boxes in points and tesseract's confidence. */
import type Tesseract from 'tesseract.js';
import { OCR_DPI } from './render-page.js';
import { withOcrWorker } from './ocr-worker.js';

/** One line tesseract read. */
export interface OcrLine {
  text: string;
  /** [x0, y0, x1, y1] in points, origin top-left. */
  bbox: [number, number, number, number];
  /** 0–100. */
  confidence: number;
}

const toPoints = (px: number) => Math.round((px * 72 * 100) / OCR_DPI) / 100;

/**
 * Reads the PNG's text, line by line, top to bottom.
 * @example (await ocrPage(png))[0] // { text: 'SECRET//NOFORN', bbox: [253, 13, 359, 23], confidence: 88 }
 */
export async function ocrPage(png: Uint8Array): Promise<OcrLine[]> {
  const result = await withOcrWorker((w) => w.recognize(Buffer.from(png), {}, { blocks: true, text: false }));
  const blocks: Tesseract.Block[] = result.data.blocks ?? [];
  return blocks
    .flatMap((b) => b.paragraphs.flatMap((p) => p.lines))
    .map((l) => ({
      text: l.text.replace(/\s+/g, ' ').trim(),
      bbox: [toPoints(l.bbox.x0), toPoints(l.bbox.y0), toPoints(l.bbox.x1), toPoints(l.bbox.y1)] as OcrLine['bbox'],
      confidence: Math.round(l.confidence),
    }))
    .filter((l) => l.text !== '');
}
