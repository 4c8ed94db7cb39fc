/** `assay downgrade request|approve|reject|list`: the two-person label downgrade (the core enforces every rule). */
import type { Command } from 'commander';
import { approveLabelChange, LABEL_CHANGE_STATUSES, listLabelChanges, rejectLabelChange, requestLabelChange, type LabelChangeRequest, type LabelChangeStatus } from '../../governance/access/label-change/index.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import type { User } from '../../governance/identity/user.js';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import type { AuditLog } from '../../governance/audit/audit-log.js';
import { currentUser } from '../current-user.js';
import { createIo, usage, type Io, type OutputMode } from '../output.js';

type Flags = { output: OutputMode };

async function acting(flags: Flags, fn: (by: User, store: Store, audit: AuditLog, io: Io) => Promise<void>): Promise<void> {
  const store = await openStore();
  try {
    const by = await currentUser({ store });
    await fn(by, store, openAuditLog(store, { actor: by.id }), createIo(flags.output));
  } finally {
    await store.close();
  }
}

const line = (r: LabelChangeRequest) =>
  `${r.id}  ${r.status.padEnd(8)}  ${r.objectType} ${r.objectId}  ${r.fromLabel} → ${r.toLabel}  by ${r.requestedBy}${r.approvedBy ? `, ${r.status} by ${r.approvedBy}` : ''}  "${r.reason}"`;

export function registerDowngrade(program: Command): void {
  const d = program.command('downgrade').description('lower a label through two-person review (request, approve or reject, list)');

  d.command('request').argument('<type>', 'object type, e.g. run').argument('<id>').description('ask for a lower label')
    .requiredOption('--to <label>', 'the lower label').requiredOption('--reason <text>', 'why the lower label is right')
    .option('--output <mode>', 'text or json', 'text')
    .action((type: string, id: string, f: Flags & { to: string; reason: string }) => acting(f, async (by, store, audit, io) => {
      const r = await requestLabelChange(by, store, { type, id, toLabel: f.to, reason: f.reason }, { audit });
      io.result({ request: r }, () => `requested ${line(r)}\nanother user with the approver role must run: assay downgrade approve ${r.id}`);
    }));

  for (const verb of ['approve', 'reject'] as const) {
    d.command(verb).argument('<requestId>').description(verb === 'approve' ? 'approve (a different user; relabels the object)' : 'reject or withdraw a request')
      .option('--output <mode>', 'text or json', 'text')
      .action((requestId: string, f: Flags) => acting(f, async (by, store, audit, io) => {
        const r = verb === 'approve' ? await approveLabelChange(by, store, requestId, { audit }) : await rejectLabelChange(by, store, requestId, { audit });
        io.result({ request: r }, () => `${verb === 'approve' ? 'approved' : 'rejected'} ${line(r)}`);
      }));
  }

  d.command('list').description('requests you are cleared to see, newest first')
    .option('--status <status>', LABEL_CHANGE_STATUSES.join(' | ')).option('--output <mode>', 'text or json', 'text')
    .action((f: Flags & { status?: string }) => acting(f, async (by, store, _audit, io) => {
      if (f.status !== undefined && !(LABEL_CHANGE_STATUSES as readonly string[]).includes(f.status)) throw usage(`Unknown status "${f.status}".`, `Use one of: ${LABEL_CHANGE_STATUSES.join(', ')}.`);
      const all = await listLabelChanges(by, store, { status: f.status as LabelChangeStatus | undefined });
      io.result({ requests: all }, () => (all.length ? all.map(line).join('\n') : 'No label change requests.'));
    }));
}
