/** Writes the audit log for an external collector: JSONL or RFC 5424 syslog, checkpoints after their entry. */
import { mkdir, open, rename } from 'node:fs/promises';
import path from 'node:path';
import type { AuditCheckpoint } from './audit-entry.js';
import type { AuditCallOptions, AuditLog } from './audit-log.js';
import type { DecodedEntry } from './audit-row-codec.js';
import { canonicalJson } from '../../hashing/canonical-json.js';
import { formatSyslogCheckpoint, formatSyslogEntry } from './format-syslog.js';

/** Export format → how it writes one row and one checkpoint. */
export const AUDIT_EXPORT_FORMATS = {
  /** One JSON object per line: an entry (with prevHash and hash), `{ checkpoint }`, or `{ seq, malformed }`. */
  jsonl: {
    entry: (d: DecodedEntry) => canonicalJson(d.ok ? d.entry : { seq: d.seq, malformed: d.reason }),
    checkpoint: (c: AuditCheckpoint) => canonicalJson({ checkpoint: c }),
  },
  syslog: {
    entry: (d: DecodedEntry) => (d.ok ? formatSyslogEntry(d.entry) : `<108>1 - - assay - audit.malformed - ${canonicalJson({ seq: d.seq, malformed: d.reason })}`),
    checkpoint: (c: AuditCheckpoint) => formatSyslogCheckpoint(c),
  },
} as const;

export type AuditExportFormat = keyof typeof AUDIT_EXPORT_FORMATS;

/** True when `value` names an export format. */
export function isAuditExportFormat(value: string): value is AuditExportFormat {
  return Object.hasOwn(AUDIT_EXPORT_FORMATS, value);
}

/** Writes every row (and checkpoint) to `out` atomically; returns the number of lines. */
export async function exportAuditLog(args: { log: AuditLog; format: AuditExportFormat; out: string } & AuditCallOptions): Promise<{ path: string; lines: number }> {
  const format = AUDIT_EXPORT_FORMATS[args.format];
  const file = path.resolve(args.out);
  await mkdir(path.dirname(file), { recursive: true });
  const checkpoints = new Map((await args.log.checkpoints({ signal: args.signal })).map((c) => [c.seq, c]));
  const tmp = `${file}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w', 0o600);
  let lines = 0;
  try {
    for await (const decoded of args.log.scan({ signal: args.signal })) {
      const seq = decoded.ok ? decoded.entry.seq : decoded.seq;
      const checkpoint = checkpoints.get(seq);
      let text = `${format.entry(decoded)}\n`;
      if (checkpoint) text += `${format.checkpoint(checkpoint)}\n`;
      checkpoints.delete(seq);
      lines += checkpoint ? 2 : 1;
      await handle.write(text);
    }
    // Checkpoints past the last row (a truncated log) still go out: they are the evidence.
    for (const c of checkpoints.values()) {
      await handle.write(`${format.checkpoint(c)}\n`);
      lines++;
    }
  } finally {
    await handle.close();
  }
  await rename(tmp, file);
  return { path: file, lines };
}
