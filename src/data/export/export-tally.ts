/** Running counts of an export, so the card, the audit entry and `--output json` all state the same numbers. */
import { derivedLabel } from '../../governance/access/derived-label.js';
import type { PiiType } from '../pii/index.js';

/** One source file that contributed exported rows. */
export interface SourceTally {
  path: string;
  sha256: string;
  documentIds: Set<string>;
  rows: number;
}

/**
 * Counters filled while rows stream out: rows and their labels, sources, skips, PII spans.
 * @example const t = new ExportTally(); t.addRow({ label: 'UNCLASSIFIED' }); t.banner() // 'UNCLASSIFIED'
 */
export class ExportTally {
  rows = 0;
  readonly labels = new Map<string, number>();
  /** Labels of exported records that are not rows (retrieval queries): they enter the banner. */
  readonly otherLabels = new Set<string>();
  readonly sources = new Map<string, SourceTally>();
  readonly documents = new Set<string>();
  /** Chunks the viewer could read (before the duplicate and --max-label filters). */
  visibleChunks = 0;
  readonly skipped = { aboveMaxLabel: 0, duplicates: 0 };
  /** PII spans per type: redacted, or found and kept with --keep-pii. */
  readonly pii = new Map<PiiType, number>();
  /** Stored spans outside their chunk's text (ignored: the text was re-analysed instead). */
  staleSpans = 0;
  /** Stored spans that re-analysis did not find at the same place and type (redacted all the same). */
  unconfirmedSpans = 0;
  /** Query rows (retrieval) and qrels lines written. */
  queries = 0;
  qrels = 0;
  /** Retrieval queries left out because none of their cited chunks was exported. */
  droppedQueries = 0;

  /** Counts one exported row. */
  addRow(row: { label: string; source?: { path: string; sha256: string }; documentId?: string }): void {
    this.rows++;
    this.labels.set(row.label, (this.labels.get(row.label) ?? 0) + 1);
    if (row.documentId !== undefined) this.documents.add(row.documentId);
    if (row.source?.path !== undefined && row.source.sha256 !== undefined) {
      const key = `${row.source.sha256}\0${row.source.path}`;
      const s = this.sources.get(key) ?? { path: row.source.path, sha256: row.source.sha256, documentIds: new Set<string>(), rows: 0 };
      s.rows++;
      if (row.documentId !== undefined) s.documentIds.add(row.documentId);
      this.sources.set(key, s);
    }
  }

  /** Counts the label of an exported record that is not a row (it still raises the banner). */
  noteLabel(label: string): void {
    this.otherLabels.add(label);
  }

  addPii(type: PiiType, n = 1): void {
    this.pii.set(type, (this.pii.get(type) ?? 0) + n);
  }

  /** The roll-up of every exported row's label (UNCLASSIFIED for an empty export); never lower than any row. */
  banner(): string {
    return derivedLabel([...new Set([...this.labels.keys(), ...this.otherLabels])]);
  }

  /** PII counts as a plain object with types in sorted order. */
  piiCounts(): Partial<Record<PiiType, number>> {
    return Object.fromEntries([...this.pii.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Label counts, most frequent first. */
  labelCounts(): Record<string, number> {
    return Object.fromEntries([...this.labels.entries()].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
  }
}
