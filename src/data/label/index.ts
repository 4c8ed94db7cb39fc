/** Human labelling: tasks over dataset chunks, run samples or JSONL items; assignment under MAC; consensus; agreement. */
export { PAIRWISE_VALUES, TASK_KINDS, TaskKindSchema, CheckedTaskKindSchema, type KindSpec, type TaskKind, type TaskKindSpec } from './task-kind.js';
export { parseAnnotationValue, type AnnotationValue, type KindValues, type Span, type ValueResult } from './annotation-value.js';
export { ItemContentSchema, itemText, type ItemContent, type ItemRef, type LabelItem } from './label-item.js';
export { ItemSourceSchema, type ItemError, type ItemSource } from './item-source.js';
export { planAssignments, type AssignmentPlan } from './plan-assignments.js';
export { CONSENSUS_METHODS, METHODS_BY_KIND, consensusOf, plurality, spanOverlap, SPAN_OVERLAP, type ConsensusMethod, type ConsensusStatus } from './consensus-rules.js';
export { agreementStats, type AgreementStats, type Statistic } from './rating-agreement.js';
export { CreateTaskSchema, type CreateTaskInput, type CreateTaskResult } from './create-task.js';
export { ReviewInputSchema, type ReviewInput } from './review.js';
export { REVIEW_DECISIONS, type Annotation, type LabelTask, type Review, type ReviewDecision } from './label-repo.js';
export type { ImportResult, ImportRowError } from './import-annotations.js';
export type { NextItems, QueuedItem } from './next-items.js';
export type { ItemConsensus, TaskConsensus } from './task-consensus.js';
export type { AnnotatorCounts, TaskAgreement } from './task-agreement.js';
export type { ExportedItem, TaskSummary } from './task-views.js';
export { createLabelResultsReader } from './label-results-reader.js';
export { createLabelService, type LabelService, type LabelServiceDeps } from './label-service.js';
export type { LabelTables } from './label-tables.js';
