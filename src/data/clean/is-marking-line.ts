/** Whether a line carries a classification marking (banner or portion mark), so cleaning must never remove it. */
import { findMarkings, parseMarking } from '../../markings/index.js';

/**
 * True when `findMarkings` finds a banner or portion mark on the line (leniently, so OCR-damaged banners count),
 * or `parseMarking` reads the trimmed line as a marking with a level. Errs towards keeping.
 * @example isMarkingLine('SECRET//NOFORN') // true
 */
export function isMarkingLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  if (findMarkings(trimmed, { lenient: true }).length > 0) return true;
  return parseMarking(trimmed, { form: 'any', lenient: true }).marking !== null;
}
