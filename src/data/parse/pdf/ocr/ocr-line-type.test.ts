import { describe, expect, it } from 'vitest';
import { ocrLineType } from './ocr-line-type.js';

const line = (y0: number, y1: number) => ({ text: 'SECRET//NOFORN', bbox: [250, y0, 360, y1] as [number, number, number, number], confidence: 90 });

describe('ocrLineType', () => {
  it('types lines in the top and bottom 8% of the page as header and footer, the rest as image_text', () => {
    expect(ocrLineType(line(13, 22), 792)).toBe('header');
    expect(ocrLineType(line(759, 769), 792)).toBe('footer');
    expect(ocrLineType(line(124, 135), 792)).toBe('image_text');
    // The band is a share of the page: 100 pt down is body text on a Letter page, furniture on a tall one.
    expect(ocrLineType(line(95, 105), 792)).toBe('image_text');
    expect(ocrLineType(line(95, 105), 1500)).toBe('header');
  });

  it('falls back to image_text when the page height is unknown', () => {
    expect(ocrLineType(line(13, 22), 0)).toBe('image_text');
  });
});
