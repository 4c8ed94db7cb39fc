/** `assay label create|list|show|next|annotate|import|review|consensus|agreement|export`: human labelling; rules live in src/data/label. */
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { CONSENSUS_METHODS, createLabelService, TASK_KINDS, type ConsensusMethod, type ItemSource, type LabelService, type ReviewInput, type TaskKindSpec } from '../../data/label/index.js';
import { createDatasetReader } from '../../data/dataset/dataset-reader.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { keyringCipher } from '../../governance/crypto/field-cipher.js';
import { loadKeyring } from '../../governance/crypto/load-keyring.js';
import { KyselyIdentityStore } from '../../governance/identity/kysely-identity-store.js';
import type { User } from '../../governance/identity/user.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { openStore } from '../../store/open-store.js';
import { AssayError } from '../../errors/index.js';
import { currentUser } from '../current-user.js';
import { createIo, usage, type Io, type OutputMode } from '../output.js';

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);

/** A value given on the command line: JSON when it parses (numbers, arrays, spans), else the plain string. */
function cliValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function withLabels(mode: OutputMode, fn: (labels: LabelService, viewer: User, io: Io) => Promise<void>): Promise<void> {
  const store = await openStore();
  try {
    if (!(store instanceof KyselyStore)) throw new AssayError('INTERNAL', 'Labelling needs a SQL store.');
    const viewer = await currentUser({ store });
    const cipher = keyringCipher(loadKeyring());
    const labels = createLabelService({ store, cipher, identity: new KyselyIdentityStore({ db: store.db }), audit: openAuditLog(store, { actor: viewer.id }), datasets: createDatasetReader(store, cipher) });
    await fn(labels, viewer, createIo(mode));
  } finally {
    await store.close();
  }
}

interface CreateFlags {
  name: string;
  kind: string;
  choices?: string;
  entityTypes?: string;
  min?: string;
  max?: string;
  step?: string;
  instructions?: string;
  dataset?: string;
  version?: string;
  run?: string;
  file?: string;
  annotators: string;
  perItem: string;
  output: OutputMode;
}

function kindSpec(f: CreateFlags): TaskKindSpec {
  const num = (v: string | undefined, name: string) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n)) throw usage(`--${name} needs a number for a rating task.`, 'e.g. --min 1 --max 5 --step 1');
    return n;
  };
  switch (f.kind) {
    case 'classification':
    case 'multi_label':
      return { kind: f.kind, choices: list(f.choices) };
    case 'span':
      return { kind: 'span', entityTypes: list(f.entityTypes) };
    case 'rating':
      return { kind: 'rating', min: num(f.min, 'min'), max: num(f.max, 'max'), step: f.step === undefined ? 1 : num(f.step, 'step') };
    case 'pairwise':
      return { kind: 'pairwise' };
    case 'free_text':
      return { kind: 'free_text', maxLength: 20_000 };
    default:
      throw usage(`Unknown task kind "${f.kind}".`, `Use one of: ${TASK_KINDS.join(', ')}.`);
  }
}

function itemSource(f: CreateFlags): ItemSource {
  const given = [f.dataset, f.run, f.file].filter((x) => x !== undefined).length;
  if (given !== 1) throw usage('Give exactly one of --dataset, --run or --file.', 'e.g. --file items.jsonl');
  if (f.run !== undefined) return { type: 'run', runId: f.run };
  if (f.file !== undefined) return { type: 'file', path: f.file };
  return { type: 'dataset', dataset: f.dataset!, version: f.version === undefined ? undefined : Number(f.version) };
}

export function registerLabel(program: Command): void {
  const label = program.command('label').description('human labelling: tasks, queues, annotations, reviews, consensus and agreement');
  label
    .command('create')
    .description('create a task over a dataset, a run or a JSONL file, and assign items to annotators')
    .requiredOption('--name <name>', 'task name')
    .requiredOption('--kind <kind>', TASK_KINDS.join('|'))
    .option('--choices <list>', 'classification / multi_label: comma-separated choices')
    .option('--entity-types <list>', 'span: comma-separated entity types')
    .option('--min <n>', 'rating: lowest value')
    .option('--max <n>', 'rating: highest value')
    .option('--step <n>', 'rating: step (default 1)')
    .option('--instructions <text>', 'guidelines shown to annotators')
    .option('--dataset <name>', 'an ingested dataset (its chunks)')
    .option('--version <n>', 'dataset version (default latest)')
    .option('--run <runId>', "an eval run (each sample's input and output)")
    .option('--file <items.jsonl>', 'items: {"id","text"} or {"id","prompt","a","b"}, optional "label" marking')
    .requiredOption('--annotators <list>', 'comma-separated user ids')
    .option('--per-item <k>', 'annotators per item', '1')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (f: CreateFlags) =>
      withLabels(f.output, async (labels, viewer, io) => {
        const r = await labels.createTask(viewer, { name: f.name, spec: kindSpec(f), instructions: f.instructions ?? '', source: itemSource(f), annotators: list(f.annotators), perItem: Number(f.perItem) });
        for (const e of r.errors) io.log(`warning: ${e.line !== undefined ? `line ${e.line}: ` : ''}${e.id !== undefined ? `item ${e.id}: ` : ''}${e.reason}`);
        for (const s of r.shortfalls) io.log(`warning: item ${s.itemId} has ${s.got} of ${s.wanted} annotators (the others are not cleared for it)`);
        io.result({ task: r.task, items: r.items, errors: r.errors, shortfalls: r.shortfalls, load: r.load }, () => `created ${r.task.id} "${r.task.name}" (${r.task.spec.kind}, ${r.items} items, ${r.task.perItem} per item) [${r.task.label}]\n${Object.entries(r.load).map(([a, n]) => `  ${a}: ${n} items`).join('\n')}`);
      }),
    );
  label
    .command('list')
    .description('tasks you may see, with progress')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (f: { output: OutputMode }) =>
      withLabels(f.output, async (labels, viewer, io) => {
        const tasks = await labels.listTasks(viewer);
        io.result({ tasks }, () => (tasks.length === 0 ? 'No labelling tasks.' : tasks.map((t) => `${t.id}  ${t.spec.kind.padEnd(14)}  ${t.annotated}/${t.items} annotated  ${t.name}  [${t.label}]`).join('\n')));
      }),
    );
  label
    .command('show <task>')
    .description('one task: kind, settings, progress')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (taskId: string, f: { output: OutputMode }) =>
      withLabels(f.output, async (labels, viewer, io) => {
        const t = await labels.showTask(viewer, taskId);
        io.result({ task: t }, () => `${t.id} "${t.name}" [${t.label}]\n  kind: ${JSON.stringify(t.spec)}\n  items: ${t.items}, annotated: ${t.annotated}, complete: ${t.complete}\n  annotators: ${t.annotators.join(', ')} (${t.perItem} per item)${t.instructions ? `\n  instructions: ${t.instructions}` : ''}`);
      }),
    );
  label
    .command('next <task>')
    .description('your next items to annotate')
    .option('-n, --count <n>', 'how many', '5')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (taskId: string, f: { count: string; output: OutputMode }) =>
      withLabels(f.output, async (labels, viewer, io) => {
        const r = await labels.nextItems(viewer, taskId, Number(f.count) || 5);
        io.result(r, () => (r.items.length === 0 ? 'Nothing left for you in this task.' : `${r.items.map((i) => `[${i.label}] ${i.id}\n${JSON.stringify(i.content, null, 2)}`).join('\n\n')}\n(${r.remaining} more)`));
      }),
    );
  label
    .command('annotate <task> <item> <value>')
    .description('annotate one item (value: a choice, a number, or JSON such as ["a","b"] or [{"start":0,"end":5,"type":"PER"}])')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (taskId: string, itemId: string, value: string, f: { output: OutputMode }) =>
      withLabels(f.output, async (labels, viewer, io) => {
        const a = await labels.annotate(viewer, taskId, itemId, cliValue(value));
        io.result({ annotation: a }, () => `annotated ${itemId} (revision ${a.revision}): ${JSON.stringify(a.value)}`);
      }),
    );
  label
    .command('import <task> <file>')
    .description('import annotations from JSONL: {"item","annotator","value"} per line (others\' rows need admin)')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (taskId: string, file: string, f: { output: OutputMode }) =>
      withLabels(f.output, async (labels, viewer, io) => {
        const r = await labels.importAnnotations(viewer, taskId, file);
        io.result(r, () => [`imported ${r.imported} annotations; ${r.errors.length} rows refused`, ...r.errors.map((e) => `  ${file}:${e.line}: ${e.reason}`)].join('\n'));
      }),
    );
  label
    .command('review <task> <item>')
    .description('accept or reject an annotation, or set the final value (never your own work)')
    .option('--accept <annotationId>', 'accept this annotation')
    .option('--reject <annotationId>', 'reject this annotation')
    .option('--set <value>', 'the final value')
    .option('--note <text>', 'why', '')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (taskId: string, itemId: string, f: { accept?: string; reject?: string; set?: string; note: string; output: OutputMode }) =>
      withLabels(f.output, async (labels, viewer, io) => {
        const given = [f.accept, f.reject, f.set].filter((x) => x !== undefined).length;
        if (given !== 1) throw usage('Give exactly one of --accept, --reject or --set.');
        const input: ReviewInput = f.accept !== undefined ? { decision: 'accept', annotationId: f.accept, note: f.note } : f.reject !== undefined ? { decision: 'reject', annotationId: f.reject, note: f.note } : { decision: 'set', value: cliValue(f.set!), note: f.note };
        const r = await labels.review(viewer, taskId, itemId, input);
        io.result({ review: r }, () => `${r.decision} recorded on ${itemId} (review ${r.revision})`);
      }),
    );
  label
    .command('consensus <task>')
    .description('each item\'s consensus (reviews override); ties are unresolved')
    .option('--method <m>', CONSENSUS_METHODS.join('|'), 'auto')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (taskId: string, f: { method: string; output: OutputMode }) =>
      withLabels(f.output, async (labels, viewer, io) => {
        if (!(CONSENSUS_METHODS as readonly string[]).includes(f.method)) throw usage(`Unknown consensus method "${f.method}".`, `Use one of: ${CONSENSUS_METHODS.join(', ')}.`);
        const c = await labels.consensus(viewer, taskId, { method: f.method as ConsensusMethod });
        const items = c.items.map(({ content: _content, ...rest }) => rest);
        io.result({ ...c, items }, () => [`${c.kind} consensus (${c.method}): ${Object.entries(c.counts).map(([k, n]) => `${k} ${n}`).join(', ')}`, ...items.map((i) => `  ${i.itemId}  ${i.status.padEnd(12)} ${i.value === undefined ? '' : JSON.stringify(i.value)}${i.source === 'review' ? ' (reviewed)' : ''}`)].join('\n'));
      }),
    );
  label
    .command('agreement <task>')
    .description("inter-annotator agreement: Cohen's κ, Fleiss' κ, Krippendorff's α, per-annotator counts")
    .option('--output <mode>', 'text or json', 'text')
    .action(async (taskId: string, f: { output: OutputMode }) =>
      withLabels(f.output, async (labels, viewer, io) => {
        const a = await labels.agreement(viewer, taskId);
        const fmt = (s: { value: number | null; n: number; reason?: string }) => (s.value === null ? `— (${s.reason ?? 'n/a'})` : `${s.value.toFixed(4)} (n=${s.n})`);
        const stats = a.overall
          ? [`  Cohen's κ: ${fmt(a.overall.cohensKappa)}`, `  Fleiss' κ: ${fmt(a.overall.fleissKappa)}`, `  Krippendorff's α (${a.overall.krippendorffAlpha.level}): ${fmt(a.overall.krippendorffAlpha)}`]
          : a.byChoice
            ? Object.entries(a.byChoice).map(([c, s]) => `  ${c}: α ${fmt(s.krippendorffAlpha)}, Fleiss ${fmt(s.fleissKappa)}`)
            : [`  ${a.reason ?? ''}`];
        io.result(a, () => [`${a.kind}: ${a.items} items, ${a.annotators.length} annotators`, ...stats, ...a.perAnnotator.map((p) => `  ${p.annotator}: ${p.annotated}/${p.assigned} done, ${p.revisions} answers, ${p.accepted} accepted, ${p.rejected} rejected`)].join('\n'));
      }),
    );
  label
    .command('export <task>')
    .description('every item you may read with its annotations, reviews and consensus, as JSONL')
    .option('--out <file>', 'write JSONL here (default: print)')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (taskId: string, f: { out?: string; output: OutputMode }) =>
      withLabels(f.output, async (labels, viewer, io) => {
        const r = await labels.exportTask(viewer, taskId);
        const jsonl = r.items.map((i) => JSON.stringify(i)).join('\n') + (r.items.length ? '\n' : '');
        if (f.out) await writeFile(f.out, jsonl);
        io.result(f.out ? { path: f.out, items: r.items.length, label: r.label } : { label: r.label, items: r.items }, () => (f.out ? `wrote ${f.out} (${r.items.length} items) [${r.label}]` : `${r.label}\n${jsonl}${r.label}`));
      }),
    );
}
