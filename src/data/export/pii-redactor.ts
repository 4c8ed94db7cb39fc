/**
 * PII in exported text: found (stored spans checked against a fresh analysis, plus whatever the analysis finds) and
 * replaced by `<TYPE>`, or counted and kept when the exporter chose --keep-pii.
 */
import { analyze, PII_DETECTOR_VERSION, redact, type PiiResult, type PiiType } from '../pii/index.js';
import type { ChunkRecord } from '../dataset/dataset-types.js';
import type { ExportTally } from './export-tally.js';

/** The text to export and the PII entity types found in it (sorted). */
export interface CleanText {
  text: string;
  types: PiiType[];
}

/** The lineage step an export adds when it redacts. */
export const REDACTION_STEP = `pii:redact(replace)@${PII_DETECTOR_VERSION}`;

/**
 * Redacts (or, with `keepPii`, only counts) PII in exported text, tallying spans per type.
 * @example new PiiRedactor(false, tally).text('mail a@b.org') // { text: 'mail <EMAIL_ADDRESS>', types: ['EMAIL_ADDRESS'] }
 */
export class PiiRedactor {
  constructor(
    readonly keepPii: boolean,
    private readonly tally: ExportTally,
  ) {}

  /** Any exported text (questions, answers, prompts, titles): analysed afresh. */
  text(text: string): CleanText {
    return this.apply(text, analyze(text));
  }

  /**
   * A chunk's text. Its stored spans (offsets into `chunk.text`) are used when they fit the text; each is checked
   * against a fresh analysis, and the union of both is redacted, so a shifted span can only redact more, never less.
   */
  chunk(chunk: Pick<ChunkRecord, 'text' | 'pii'>): CleanText {
    const fresh = analyze(chunk.text);
    const stored: PiiResult[] = [];
    for (const s of chunk.pii.spans) {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= chunk.text.length)) {
        this.tally.staleSpans++;
        continue;
      }
      if (!fresh.some((f) => f.type === s.type && f.start === s.start && f.end === s.end)) this.tally.unconfirmedSpans++;
      stored.push({ type: s.type, start: s.start, end: s.end, text: chunk.text.slice(s.start, s.end), score: s.score, recogniser: 'stored' });
    }
    const cleaned = this.apply(chunk.text, [...stored, ...fresh]);
    return { text: cleaned.text, types: [...new Set([...cleaned.types, ...chunk.pii.types])].sort() };
  }

  private apply(text: string, results: readonly PiiResult[]): CleanText {
    const spans = mergeOverlaps(text, results);
    for (const s of spans) this.tally.addPii(s.type);
    const types = [...new Set(spans.map((s) => s.type))].sort();
    if (this.keepPii || spans.length === 0) return { text, types };
    return { text: redact(text, spans, { default: { type: 'replace' } }).text, types };
  }
}

/**
 * Joins intersecting spans into one covering span (typed by the highest-scoring member), so no character of any
 * finding survives redaction, unlike overlap resolution, which drops the loser.
 */
export function mergeOverlaps(text: string, results: readonly PiiResult[]): PiiResult[] {
  const sorted = [...results].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiResult[] = [];
  for (const r of sorted) {
    const last = merged.at(-1);
    if (last && r.start < last.end) {
      const end = Math.max(last.end, r.end);
      const top = r.score > last.score ? r : last;
      merged[merged.length - 1] = { ...top, start: last.start, end, text: text.slice(last.start, end), score: Math.max(last.score, r.score) };
    } else {
      merged.push({ ...r });
    }
  }
  return merged;
}
