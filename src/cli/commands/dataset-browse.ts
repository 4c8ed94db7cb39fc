/** `assay dataset list|show|versions|diff`: what the viewer may read of ingested datasets; the core enforces access. */
import type { Command } from 'commander';
import { createDatasetReader, diffVersions, type DatasetDocument, type StoreDatasetReader } from '../../data/dataset/index.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { recordAudit } from '../../governance/audit/record-audit.js';
import type { AuditLog } from '../../governance/audit/audit-log.js';
import { keyringCipher } from '../../governance/crypto/field-cipher.js';
import { loadKeyring } from '../../governance/crypto/load-keyring.js';
import type { User } from '../../governance/identity/user.js';
import { openStore } from '../../store/open-store.js';
import type { Store } from '../../store/store.js';
import { currentUser } from '../current-user.js';
import { createIo, usage, type Io, type OutputMode } from '../output.js';

interface Session {
  store: Store;
  io: Io;
  viewer: User;
  reader: StoreDatasetReader;
  audit: AuditLog;
}

async function withSession(mode: OutputMode, fn: (s: Session) => Promise<void>): Promise<void> {
  const store = await openStore();
  try {
    const viewer = await currentUser({ store });
    const reader = createDatasetReader(store, keyringCipher(loadKeyring()));
    await fn({ store, io: createIo(mode), viewer, reader, audit: openAuditLog(store, { actor: viewer.id }) });
  } finally {
    await store.close();
  }
}

function versionArg(value: string, name: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw usage(`${name} must be a version number (1, 2, …), got "${value}".`, 'List versions with `assay dataset versions <name>`.');
  return Number(value);
}

export function registerDatasetBrowse(dataset: Command): void {
  dataset
    .command('list')
    .description('list the datasets you may read')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (flags: { output: OutputMode }) =>
      withSession(flags.output, async ({ io, viewer, reader }) => {
        const rows = await reader.listDatasets(viewer);
        io.result({ datasets: rows }, () => (rows.length === 0 ? 'No datasets yet. Try `assay ingest <folder> --dataset <name>`.' : rows.map((d) => `${d.name}  v${d.latestVersion}  [${d.label}]`).join('\n')));
      }),
    );

  dataset
    .command('show')
    .description('show a dataset version: label, stats and documents')
    .argument('<name>')
    .option('--version <n>', 'version (default the newest)')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (name: string, flags: { version?: string; output: OutputMode }) =>
      withSession(flags.output, async ({ io, viewer, reader, audit }) => {
        const version = flags.version === undefined ? undefined : versionArg(flags.version, '--version');
        const info = await reader.getVersion(viewer, name, version);
        const documents: DatasetDocument[] = [];
        for await (const d of reader.documents(viewer, name, info.version)) documents.push(d);
        await recordAudit(audit, { action: 'read', object: { type: 'dataset', id: `${name}@${info.version}`, label: info.label }, details: { verb: 'dataset.show' } });
        const docs = documents.map((d) => ({ path: d.path, format: d.format, label: d.label, sha256: d.sha256, size: d.size, parentId: d.parentId }));
        io.result({ dataset: info, documents: docs }, () =>
          [
            info.label,
            `dataset ${info.dataset} version ${info.version}  digest ${info.digest}`,
            `created ${info.createdAt} by ${info.createdBy}`,
            `files ${info.stats.files}, documents ${info.stats.documents}, chunks ${info.stats.chunks} (duplicates ${info.stats.duplicates.exact} exact, ${info.stats.duplicates.near} near)`,
            `PII: ${Object.entries(info.stats.piiTypes).map(([t, n]) => `${t} ${n}`).join(', ') || 'none found'}`,
            ...docs.map((d) => `  ${d.path}  ${d.format}  [${d.label}]`),
            info.label,
          ].join('\n'),
        );
      }),
    );

  dataset
    .command('versions')
    .description('list the versions of a dataset')
    .argument('<name>')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (name: string, flags: { output: OutputMode }) =>
      withSession(flags.output, async ({ io, viewer, reader }) => {
        const versions = await reader.versions(viewer, name);
        io.result({ dataset: name, versions }, () =>
          versions.map((v) => `v${v.version}  ${v.createdAt}  ${v.stats.documents} documents, ${v.stats.chunks} chunks  ${v.digest.slice(0, 12)}  [${v.label}]`).join('\n'),
        );
      }),
    );

  dataset
    .command('diff')
    .description('compare two versions of a dataset')
    .argument('<name>')
    .argument('<v1>')
    .argument('<v2>')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (name: string, v1: string, v2: string, flags: { output: OutputMode }) =>
      withSession(flags.output, async ({ store, io, viewer, audit }) => {
        const d = await diffVersions(store, viewer, name, versionArg(v1, 'v1'), versionArg(v2, 'v2'));
        await recordAudit(audit, { action: 'read', object: { type: 'dataset', id: `${name}@${d.from}..${d.to}`, label: d.label.to }, details: { verb: 'dataset.diff' } });
        io.result(d, () =>
          [
            `dataset ${name}: v${d.from} → v${d.to}`,
            `chunks: +${d.chunks.added} −${d.chunks.removed} =${d.chunks.unchanged}`,
            ...d.documents.added.map((p) => `  added    ${p}`),
            ...d.documents.removed.map((p) => `  removed  ${p}`),
            ...d.documents.changed.map((p) => `  changed  ${p}`),
            `label: ${d.label.from}${d.label.changed ? ` → ${d.label.to}` : ' (unchanged)'}`,
          ].join('\n'),
        );
      }),
    );
}
