/** Types an OCR line as page furniture or page text, by where it sits on the page (as the text-layer path does). */
import { BAND } from '../page-blocks.js';
import type { OcrLine } from './ocr-page.js';

/**
 * `header` when the line's middle is in the top `BAND` of the page, `footer` in the bottom one, else `image_text`;
 * so a scanned page's banners are read as banners, like a text page's. `height` is the page height in points.
 * @example ocrLineType({ text: 'SECRET//NOFORN', bbox: [253, 13, 359, 22], confidence: 90 }, 792) // 'header'
 */
export function ocrLineType(line: OcrLine, height: number): 'header' | 'footer' | 'image_text' {
  const middle = (line.bbox[1] + line.bbox[3]) / 2;
  if (!(height > 0)) return 'image_text';
  if (middle < BAND * height) return 'header';
  return middle > (1 - BAND) * height ? 'footer' : 'image_text';
}
