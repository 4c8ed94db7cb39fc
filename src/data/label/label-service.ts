/** The labelling service: every labelling operation bound to one store, cipher, identity store and audit log. */
import type { AuditLog } from '../../governance/audit/audit-log.js';
import type { FieldCipher } from '../../governance/crypto/field-cipher.js';
import type { IdentityStore } from '../../governance/identity/identity-store.js';
import type { User } from '../../governance/identity/user.js';
import type { Store } from '../../store/store.js';
import type { DatasetReader, LabelResultsReader } from '../dataset/dataset-types.js';
import { annotate } from './annotate.js';
import type { ConsensusMethod } from './consensus-rules.js';
import { createTask, type CreateTaskInput, type CreateTaskResult } from './create-task.js';
import { importAnnotations, type ImportResult } from './import-annotations.js';
import { labelContext } from './label-context.js';
import type { Annotation, Review } from './label-repo.js';
import { createLabelResultsReader } from './label-results-reader.js';
import { nextItems, type NextItems } from './next-items.js';
import { review, type ReviewInput } from './review.js';
import { taskAgreement, type TaskAgreement } from './task-agreement.js';
import { taskConsensus, type TaskConsensus } from './task-consensus.js';
import { exportTask, listTasks, showTask, type ExportedItem, type TaskSummary } from './task-views.js';
import type { LabelTask } from './label-repo.js';

/** What the service is built over. */
export interface LabelServiceDeps {
  store: Store;
  cipher: FieldCipher;
  identity: IdentityStore;
  audit?: AuditLog;
  /** Needed only for tasks over ingested datasets. */
  datasets?: DatasetReader;
  now?: () => Date;
}

/** Every labelling operation; each takes the acting user and obeys their roles and clearance. */
export interface LabelService {
  createTask(viewer: User, input: CreateTaskInput): Promise<CreateTaskResult>;
  listTasks(viewer: User): Promise<TaskSummary[]>;
  showTask(viewer: User, taskId: string): Promise<TaskSummary>;
  nextItems(viewer: User, taskId: string, n?: number): Promise<NextItems>;
  annotate(viewer: User, taskId: string, itemId: string, value: unknown): Promise<Annotation>;
  importAnnotations(viewer: User, taskId: string, file: string): Promise<ImportResult>;
  review(viewer: User, taskId: string, itemId: string, input: ReviewInput): Promise<Review>;
  consensus(viewer: User, taskId: string, options?: { method?: ConsensusMethod }): Promise<TaskConsensus>;
  agreement(viewer: User, taskId: string): Promise<TaskAgreement>;
  exportTask(viewer: User, taskId: string): Promise<{ task: LabelTask; label: string; items: ExportedItem[] }>;
  results: LabelResultsReader;
}

/**
 * The labelling service over an open store.
 * @example
 * const labels = createLabelService({ store, cipher: keyringCipher(loadKeyring()), identity: new KyselyIdentityStore({ db: store.db }), audit: openAuditLog(store) });
 * const { task } = await labels.createTask(me, { name: 'tone', spec: { kind: 'pairwise' }, source: { type: 'file', path: 'pairs.jsonl' }, annotators: ['alice', 'bob'], perItem: 2 });
 */
export function createLabelService(deps: LabelServiceDeps): LabelService {
  const ctx = labelContext(deps.store, deps.cipher, { audit: deps.audit, now: deps.now });
  return {
    createTask: (viewer, input) => createTask(ctx, { identity: deps.identity, store: deps.store, datasets: deps.datasets }, viewer, input),
    listTasks: (viewer) => listTasks(ctx, viewer),
    showTask: (viewer, taskId) => showTask(ctx, viewer, taskId),
    nextItems: (viewer, taskId, n) => nextItems(ctx, viewer, taskId, n),
    annotate: (viewer, taskId, itemId, value) => annotate(ctx, viewer, taskId, itemId, value),
    importAnnotations: (viewer, taskId, file) => importAnnotations(ctx, deps.identity, viewer, taskId, file),
    review: (viewer, taskId, itemId, input) => review(ctx, viewer, taskId, itemId, input),
    consensus: (viewer, taskId, options) => taskConsensus(ctx, viewer, taskId, options),
    agreement: (viewer, taskId) => taskAgreement(ctx, viewer, taskId),
    exportTask: (viewer, taskId) => exportTask(ctx, viewer, taskId),
    results: createLabelResultsReader(deps.store, deps.cipher),
  };
}
