/** The dataset card as Markdown: the export's banner first and last, then what, from where, and how it was treated. */
import type { DatasetCard } from './dataset-card.js';

/** Escapes a table cell (pipes, newlines). */
function cell(value: string | number | null): string {
  return String(value ?? '—').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(head: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string[] {
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

/**
 * Renders `card` as Markdown with the banner on the first and last lines.
 * @example renderCardMarkdown(card).split('\n')[0] // '**UNCLASSIFIED**'
 */
export function renderCardMarkdown(card: DatasetCard): string {
  const c = card.counts;
  const o = card.export.options;
  const lines = [
    `**${card.banner}**`,
    '',
    `# Dataset card: ${card.dataset} v${card.version} (${card.export.format})`,
    '',
    ...table(
      ['', ''],
      [
        ['Dataset', card.dataset],
        ['Version', card.version],
        ['Digest', `\`${card.digest}\``],
        ['Version label (all chunks)', card.versionLabel ?? 'withheld: above this export\'s banner'],
        ['Version created', `${card.versionCreated.at} by ${card.versionCreated.by}`],
        ['Exported', `${card.created.at} by ${card.created.by}`],
        ['Tool', `${card.tool.name} ${card.tool.version}`],
        ['Options', `max label ${o.maxLabel ?? 'none'}; duplicates ${o.includeDuplicates ? 'included' : 'left out'}; PII ${o.keepPii ? 'KEPT' : 'redacted'}${o.task ? `; task ${o.task}` : ''}`],
      ],
    ),
    '',
    '## Files',
    '',
    ...table(['file', 'sha256', 'bytes'], card.export.files.map((f) => [f.path, `\`${f.sha256}\``, f.bytes])),
    '',
    '## Counts',
    '',
    ...table(
      ['what', 'count'],
      [
        ['files in the version', c.version.files],
        ['documents in the version', c.version.documents],
        ['chunks in the version', c.version.chunks],
        ['ingest errors', c.version.errors],
        ['chunks readable at your clearance', c.visibleChunks],
        ['exported rows', c.exported.rows],
        ['source files of exported rows', c.exported.files],
        ['documents of exported rows', c.exported.documents],
        ['skipped: above --max-label', c.skipped.aboveMaxLabel],
        ['skipped: duplicates', c.skipped.duplicates],
        ...(card.export.format === 'retrieval'
          ? [
              ['queries', c.exported.queries] as const,
              ['qrels', c.exported.qrels] as const,
              ['queries left out (no cited chunk exported)', c.skipped.queriesWithoutCorpus] as const,
            ]
          : []),
      ],
    ),
    '',
    '## Labels',
    '',
    `Roll-up of the exported rows: **${card.labels.rollup}**`,
    '',
    ...table(['label', 'rows'], Object.entries(card.labels.counts)),
    '',
    '## Sources',
    '',
    ...(card.sources.length === 0 ? ['No source files (no rows exported).'] : table(['file', 'sha256', 'format', 'documents', 'rows'], card.sources.map((s) => [s.path, `\`${s.sha256}\``, s.format, s.documents, s.rows]))),
    '',
    '## PII',
    '',
    card.pii.mode === 'redacted'
      ? `Redacted: every span found was replaced by \`<TYPE>\` (detector ${card.pii.detector}); ${card.pii.total} spans.`
      : `**KEPT**: PII was exported as found, by explicit choice (--keep-pii), recorded in the audit log; ${card.pii.total} spans.`,
    '',
    ...(card.pii.total === 0 ? ['No PII found.'] : table(['type', card.pii.mode === 'redacted' ? 'redacted' : 'kept'], Object.entries(card.pii.counts).map(([t, n]) => [t, n ?? 0]))),
    ...(card.pii.staleSpans + card.pii.unconfirmedSpans > 0
      ? ['', `Stored spans outside their text (ignored, text re-analysed): ${card.pii.staleSpans}; stored spans not found again by re-analysis (redacted anyway): ${card.pii.unconfirmedSpans}.`]
      : []),
    '',
    '## Deduplication',
    '',
    `Exact duplicates in the version: ${card.dedup.exact}; near duplicates: ${card.dedup.near}; duplicates ${card.dedup.duplicatesExported ? 'were exported' : 'were left out'}.`,
    '',
    card.dedup.statement,
    '',
    ...table(['Jaccard', 'P(found)'], card.dedup.matchProbability.map((m) => [m.jaccard, m.probability.toFixed(4)])),
    ...(card.warnings.length > 0 ? ['', '## Warnings', '', ...card.warnings.map((w) => `- ${w}`)] : []),
    '',
    `**${card.banner}**`,
    '',
  ];
  return lines.join('\n');
}
