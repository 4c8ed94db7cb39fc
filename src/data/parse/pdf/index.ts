/** The PDF parser (pdf.js text layer, tesseract.js OCR for scanned pages) and the OCR worker's cleanup. */
export { pdfParser } from './pdf-parser.js';
export { terminateOcrWorker } from './ocr/ocr-worker.js';
export { BAND } from './page-blocks.js';
export { LOW_CONFIDENCE, MIN_TEXT_CHARS } from './read-pages.js';
export { OCR_DPI } from './ocr/render-page.js';
