/** RFC 5424 syslog lines for an enclave SIEM: facility log audit (13), structured data with the chain fields. */
import { hostname } from 'node:os';
import type { AuditCheckpoint, AuditEntry } from './audit-entry.js';
import { canonicalJson } from '../../hashing/canonical-json.js';

/** Facility 13 ("log audit") × 8. */
const FACILITY = 13 * 8;
/** Severity: informational (6) for success, warning (4) for failure or denial. */
const SEVERITY = { success: 6, failure: 4, denied: 4 } as const;
/** SD-ID: `name@<private enterprise number>`; 32473 is the documentation example number (RFC 5612). */
const SD_ID = 'assay@32473';

/** `<PRI>1 TIME HOST assay - MSGID [assay@32473 …] MSG`, where MSG is the entry's canonical JSON. */
export function formatSyslogEntry(entry: AuditEntry, host: string = hostname()): string {
  const params = {
    seq: String(entry.seq), actor: entry.actor, outcome: entry.outcome, objectType: entry.object.type,
    objectId: entry.object.id, label: entry.object.label, prevHash: entry.prevHash, hash: entry.hash,
  };
  return line({ severity: SEVERITY[entry.outcome], time: entry.time, host, msgId: entry.action, params, msg: canonicalJson(entry) });
}

/** A checkpoint as a syslog line with MSGID `audit.checkpoint`. */
export function formatSyslogCheckpoint(checkpoint: AuditCheckpoint, host: string = hostname()): string {
  const params = { seq: String(checkpoint.seq), hash: checkpoint.hash, keyId: checkpoint.keyId, signature: checkpoint.signature };
  return line({ severity: 6, time: checkpoint.time, host, msgId: 'audit.checkpoint', params, msg: canonicalJson(checkpoint) });
}

function line(a: { severity: number; time: string; host: string; msgId: string; params: Record<string, string>; msg: string }): string {
  const sd = Object.entries(a.params).map(([k, v]) => ` ${k}="${escapeParam(v)}"`).join('');
  return `<${FACILITY + a.severity}>1 ${a.time} ${header(a.host, 255)} assay - ${header(a.msgId, 32)} [${SD_ID}${sd}] ${a.msg}`;
}

/** Header fields are printable US-ASCII without spaces; `-` stands for an empty one. */
function header(value: string, max: number): string {
  const clean = value.replace(/[^\x21-\x7e]/g, '_').slice(0, max);
  return clean || '-';
}

/** Inside PARAM-VALUE, `"`, `\` and `]` are escaped with a backslash (RFC 5424 §6.3.3). */
function escapeParam(value: string): string {
  return value.replace(/["\\\]]/g, (c) => `\\${c}`);
}
