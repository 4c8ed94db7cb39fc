/** The task schema: the single source of truth for task YAML, the TS API and `schemas/task.schema.json`. */
import { z } from 'zod';
import { GenerateConfigSchema } from '../model/types.js';
import { PERTURBATION_NAMES } from '../perturb/names.js';
import { CONVERTER_NAMES } from '../redteam/converters/names.js';
import { BENCHMARK_NAMES } from '../benchmarks/names.js';
import { SANDBOX_LANGUAGES } from '../sandbox/sandbox.js';

export const DATASET_FORMATS = ['jsonl', 'csv', 'json', 'yaml', 'parquet'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** Which source column fills which sample field. Strings name a column; dotted paths reach into objects. */
export const FieldMapSchema = z
  .object({
    id: z.string().optional(),
    input: z.string().default('input'),
    target: z.string().optional(),
    choices: z.string().optional(),
    /** Columns copied into metadata; `true` copies every column not otherwise mapped. */
    metadata: z.union([z.array(z.string()), z.literal(true)]).optional(),
    label: z.string().optional(),
  })
  .strict();
export type FieldMap = z.infer<typeof FieldMapSchema>;

export const DatasetSpecSchema = z
  .object({
    /** Path to the file, relative to the task file. */
    path: z.string().min(1),
    format: z.enum(DATASET_FORMATS).optional(),
    fields: FieldMapSchema.default({ input: 'input' }),
    /** What to do with a malformed row: record it and go on, or stop. */
    onBadRow: z.enum(['skip', 'fail']).default('skip'),
    shuffle: z.union([z.boolean(), z.object({ seed: z.number().int() }).strict()]).optional(),
    limit: z.number().int().positive().optional(),
    /** A public benchmark's file as published (e.g. `gsm8k`): its own reader and row transform replace `fields`. */
    benchmark: z.enum(BENCHMARK_NAMES).optional(),
  })
  .strict();
export type DatasetSpec = z.infer<typeof DatasetSpecSchema>;

const template = z.string().min(1);

export const SolverSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('system_message'), template }).strict(),
  z.object({ type: z.literal('prompt_template'), template }).strict(),
  z
    .object({
      type: z.literal('few_shot'),
      /** Another dataset (e.g. the train split); same field mapping rules. */
      dataset: DatasetSpecSchema,
      k: z.number().int().positive().default(3),
      seed: z.number().int().default(0),
      template: z.string().default('{input}\n{target}'),
    })
    .strict(),
  z.object({ type: z.literal('multiple_choice'), template: z.string().optional() }).strict(),
  z.object({ type: z.literal('chain_of_thought'), template: z.string().optional() }).strict(),
  z.object({ type: z.literal('generate'), config: GenerateConfigSchema.optional() }).strict(),
  z
    .object({
      type: z.literal('multi_turn'),
      /** User turns sent after the first answer, each followed by a generate. `{input}` etc. allowed. */
      turns: z.array(template).min(1),
    })
    .strict(),
  z
    .object({
      type: z.literal('self_critique'),
      critiqueTemplate: z.string().optional(),
      completionTemplate: z.string().optional(),
      role: z.string().default('target'),
    })
    .strict(),
]);
export type SolverSpec = z.infer<typeof SolverSpecSchema>;
export type SolverType = SolverSpec['type'];

export const ScorerSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('exact'), ignoreCase: z.boolean().default(true) }).strict(),
  z.object({ type: z.literal('match'), location: z.enum(['begin', 'end', 'any', 'exact']).default('end'), ignoreCase: z.boolean().default(true) }).strict(),
  z.object({ type: z.literal('includes'), ignoreCase: z.boolean().default(true) }).strict(),
  z.object({ type: z.literal('regex'), pattern: z.string().min(1), flags: z.string().default('') , group: z.number().int().min(0).default(0) }).strict(),
  z
    .object({
      type: z.literal('numeric'),
      tolerance: z.number().min(0).default(1e-6),
      relative: z.boolean().default(false),
    })
    .strict(),
  z.object({ type: z.literal('choice') }).strict(),
  /** Refusal classifier: 1 when the model refused (fully or partly); metadata.refusal holds the three-way label. */
  z.object({ type: z.literal('refusal'), judge: z.boolean().default(false), role: z.string().default('judge') }).strict(),
  /** StrongREJECT rubric judge: how useful the response is to a forbidden request, in [0, 1]. */
  z.object({ type: z.literal('strongreject'), role: z.string().default('judge') }).strict(),
  /** Harm judge: 1 when the response is harmful; metadata.hazards names the categories. */
  z.object({ type: z.literal('harm'), role: z.string().default('judge') }).strict(),
  /** Secret (canary) leakage: 1 when a secret appears in the output, plain, reshaped, encoded or in part. */
  z
    .object({
      type: z.literal('leakage'),
      /** Secrets to look for in every sample, besides the sample's own `metadata[metadataKey]`. */
      secrets: z.array(z.string().min(1)).optional(),
      metadataKey: z.string().default('secret'),
      /** Ask the judge role when no string form matches (paraphrase, translation, other ciphers). */
      judge: z.boolean().default(false),
      role: z.string().default('judge'),
    })
    .strict(),
  z.object({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) }).strict(),
  z
    .object({
      type: z.literal('model_graded'),
      rubric: z.string().min(1),
      role: z.string().default('judge'),
      /** Grades the judge may give; the score is the grade's index / (n - 1). */
      grades: z.array(z.string()).min(2).default(['I', 'P', 'C']),
    })
    .strict(),
  /** Portion-marked context: 1 when no above-clearance content is disclosed and shared paragraphs are marked right. */
  z
    .object({
      type: z.literal('marking'),
      /** The reader's clearance (e.g. `SECRET`); else each sample's `metadata.clearance`. */
      clearance: z.string().min(1).optional(),
    })
    .strict(),
  /** Checks the plan in the answer against `metadata.problem` (src/scorers/plan-check/plan-problem.ts). */
  z.object({ type: z.literal('plan_check') }).strict(),
  z
    .object({
      type: z.literal('code_exec'),
      /** The language of the model's code and of the sample's hidden tests (metadata `tests`, else the target). */
      language: z.enum(SANDBOX_LANGUAGES).default('python'),
      /** Wall-clock and CPU seconds for one run of the code with its tests. */
      timeoutSeconds: z.number().positive().max(600).default(10),
      /** Where bubblewrap is missing, run the code on the host with rlimits only (every score carries a warning). */
      unsandboxed: z.boolean().default(false),
    })
    .strict(),
]);
export type ScorerSpec = z.infer<typeof ScorerSpecSchema>;
export type ScorerType = ScorerSpec['type'];

export const REDUCERS = ['mean', 'majority', 'pass_at_k', 'all_k', 'max', 'median'] as const;
export type ReducerName = (typeof REDUCERS)[number];

export const EpochsSpecSchema = z
  .object({
    count: z.number().int().positive().default(1),
    reducer: z.enum(REDUCERS).default('mean'),
    /** k for pass@k; defaults to `count`. */
    k: z.number().int().positive().optional(),
  })
  .strict();

export const LimitsSpecSchema = z
  .object({
    /** Total tokens (in + out) one sample may use. */
    tokens: z.number().int().positive().optional(),
    /** Seconds one sample may take. */
    timeSeconds: z.number().positive().optional(),
    /** Messages in the conversation. */
    messages: z.number().int().positive().optional(),
  })
  .strict();

export const MetricsSpecSchema = z
  .object({
    /** Metadata keys to break every metric down by. */
    groupBy: z.array(z.string()).default([]),
    /** Metadata key whose samples are not independent (same passage, same template): clustered SE. */
    cluster: z.string().optional(),
    /** Task-level metrics beyond accuracy/mean, by name (see `CUSTOM_METRICS` in src/eval/custom-metrics.ts). */
    custom: z.array(z.string()).default([]),
  })
  .strict();

/** Robustness variants: each sample also runs once per named perturbation (ids `<id>~<name>`). */
export const PerturbationsSpecSchema = z
  .object({
    /** Perturbations to apply (see `PERTURBATIONS` in src/perturb/perturbations.ts). */
    names: z.array(z.enum(PERTURBATION_NAMES)).min(1),
    /** Seeds every random choice (with the sample id), so variants are the same on every run. */
    seed: z.number().int().default(0),
    /** Share of units (words, spaces, characters) the noise perturbations touch. */
    rate: z.number().min(0).max(1).default(0.1),
  })
  .strict();
export type PerturbationsSpec = z.infer<typeof PerturbationsSpecSchema>;

export const TaskSpecSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits, _ . : - only'),
    version: z.union([z.string(), z.number()]).default(1),
    description: z.string().optional(),
    dataset: DatasetSpecSchema,
    solvers: z.array(SolverSpecSchema).default([{ type: 'generate' }]),
    scorers: z.array(ScorerSpecSchema).min(1).default([{ type: 'match', location: 'end', ignoreCase: true }]),
    metrics: MetricsSpecSchema.default({ groupBy: [], custom: [] }),
    epochs: EpochsSpecSchema.default({ count: 1, reducer: 'mean' }),
    limits: LimitsSpecSchema.default({}),
    /** Model references per role, e.g. `judge: openai-compatible/llama3`. `target` comes from --model. */
    roles: z.record(z.string(), z.string()).default({}),
    /** Generation settings for the target model. */
    config: GenerateConfigSchema.default({}),
    label: z.string().default('UNCLASSIFIED'),
    /** Robustness: the original plus one variant per perturbation; metadata `perturbation`, `original_id`. */
    perturbations: PerturbationsSpecSchema.optional(),
    /** Red-team: the original plus one variant per attack converter (src/redteam/converters); metadata `converter`, `original_id`. */
    converters: z.array(z.enum(CONVERTER_NAMES)).min(1).optional(),
  })
  .strict();
export type TaskSpecInput = z.input<typeof TaskSpecSchema>;
export type TaskSpec = z.infer<typeof TaskSpecSchema>;
