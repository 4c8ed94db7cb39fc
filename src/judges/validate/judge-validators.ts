/** The judges `assay judge validate` can check against human labels: each one's label format and how it is run. */
import { z } from 'zod';
import { detectLeaks } from '../leakage/detect-leaks.js';
import { judgeLeakage } from '../leakage/judge-leakage.js';
import { judgeHarm } from '../harm/judge-harm.js';
import { classifyRefusal } from '../refusal/classify-refusal.js';
import { judgeRefusal } from '../refusal/judge-refusal.js';
import { REFUSAL_LABELS } from '../refusal/refusal-label.js';
import { judgeStrongReject } from '../strongreject/judge-strongreject.js';
import { strongRejectScore } from '../strongreject/read-strongreject.js';
import type { LabelledItem } from './labelled-item.js';

/** How one judge is validated. */
export interface JudgeValidator {
  /** The JSONL line format, for help text and errors. */
  readonly format: string;
  /** Whether `--model` is required (a judge model does the work) or optional (heuristics run without it). */
  readonly needsModel: boolean;
  /** Categories in the order the confusion matrix lists them. */
  readonly categories: readonly string[];
  /** Krippendorff level for α: nominal on the category, interval on the score. */
  readonly alphaLevel: 'nominal' | 'interval';
  /** Maps a category to refused/complied-style two classes, when the judge has a coarser binary reading. */
  readonly binary?: (category: string) => string;
  /** Parses one JSONL value; returns the schema's complaint when it does not fit. */
  prepare(raw: unknown, line: number): { ok: true; item: LabelledItem } | { ok: false; error: string };
}

const Base = z.object({ id: z.union([z.string(), z.number()]).optional(), input: z.string().default(''), output: z.string(), note: z.string().optional() });
const Refused = z.union([z.literal(0), z.literal(1)]);
const Scale = z.number().min(1).max(5);

function defineValidator<S extends z.ZodType<z.output<typeof Base>>>(
  schema: S,
  spec: Omit<JudgeValidator, 'prepare'> & { item(record: z.output<S>): Pick<LabelledItem, 'human' | 'predict'> },
): JudgeValidator {
  return {
    format: spec.format,
    needsModel: spec.needsModel,
    categories: spec.categories,
    alphaLevel: spec.alphaLevel,
    ...(spec.binary ? { binary: spec.binary } : {}),
    prepare(raw, line) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return { ok: false, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
      }
      const r = parsed.data;
      return { ok: true, item: { id: String(r.id ?? line), input: r.input, output: r.output, ...spec.item(parsed.data) } };
    },
  };
}

const REFUSAL = defineValidator(Base.extend({ label: z.enum(REFUSAL_LABELS) }), {
  format: '{"input": "...", "output": "...", "label": "full_compliance" | "full_refusal" | "partial_refusal"}',
  needsModel: false,
  categories: REFUSAL_LABELS,
  alphaLevel: 'nominal',
  binary: (c) => (c === 'full_compliance' ? 'complied' : c === 'unparsed' ? 'unparsed' : 'refused'),
  item: (r) => ({
    human: { category: r.label },
    async predict(judge) {
      if (!judge) {
        const v = classifyRefusal(r.output);
        return { category: v.label, detail: v.reasons.join('; ') };
      }
      const j = await judgeRefusal({ request: r.input, response: r.output }, judge);
      return j.judgeUnparsed ? { category: 'unparsed', unparsed: true, detail: j.judgeReply } : { category: j.label, detail: j.reasons.join('; ') };
    },
  }),
});

const STRONGREJECT = defineValidator(Base.extend({ label: z.object({ refused: Refused, convincing: Scale, specific: Scale }).strict() }), {
  format: '{"input": "<forbidden prompt>", "output": "...", "label": {"refused": 0 | 1, "convincing": 1-5, "specific": 1-5}}',
  needsModel: true,
  categories: ['refused', 'not_refused'],
  alphaLevel: 'interval',
  item: (r) => ({
    human: { category: r.label.refused ? 'refused' : 'not_refused', score: strongRejectScore(r.label) },
    async predict(judge) {
      const j = await judgeStrongReject({ request: r.input, response: r.output }, judge!);
      if (!j.ok) return { category: 'unparsed', score: 0, unparsed: true, detail: j.why };
      return { category: j.rating.refused ? 'refused' : 'not_refused', score: j.score, detail: JSON.stringify(j.rating) };
    },
  }),
});

const HARM = defineValidator(Base.extend({ label: z.enum(['harmful', 'safe']), hazards: z.array(z.string()).optional() }), {
  format: '{"input": "...", "output": "...", "label": "harmful" | "safe", "hazards"?: ["violent_crimes", ...]}',
  needsModel: true,
  categories: ['harmful', 'safe'],
  alphaLevel: 'nominal',
  item: (r) => ({
    human: { category: r.label },
    async predict(judge) {
      const j = await judgeHarm({ request: r.input, response: r.output }, judge!);
      if (!j.ok) return { category: 'unparsed', unparsed: true, detail: j.why };
      return { category: j.harmful ? 'harmful' : 'safe', detail: j.hazards.join(', ') || 'no hazards named' };
    },
  }),
});

const LEAKAGE = defineValidator(
  Base.extend({ label: z.enum(['leaked', 'safe']), secret: z.string().min(1).optional(), secrets: z.array(z.string().min(1)).optional() }).refine((r) => r.secret !== undefined || (r.secrets?.length ?? 0) > 0, {
    message: 'give the secret ("secret": "..." or "secrets": [...])',
    path: ['secret'],
  }),
  {
    format: '{"output": "...", "secret": "..." (or "secrets": [...]), "label": "leaked" | "safe", "input"?: "..."}',
    needsModel: false,
    categories: ['leaked', 'safe'],
    alphaLevel: 'nominal',
    item: (r) => {
      const secrets = [...(r.secrets ?? []), ...(r.secret === undefined ? [] : [r.secret])];
      return {
        human: { category: r.label },
        async predict(judge) {
          const found = detectLeaks(r.output, secrets);
          if (found.length > 0) return { category: 'leaked', detail: `found as ${found.map((f) => f.form).join(', ')}` };
          if (!judge) return { category: 'safe', detail: 'no string form found' };
          const j = await judgeLeakage({ secrets, response: r.output }, judge);
          if (!j.ok) return { category: 'unparsed', unparsed: true, detail: j.why };
          return { category: j.leaked ? 'leaked' : 'safe', detail: `no string form found; judge says ${j.leaked ? 'leaked' : 'safe'}` };
        },
      };
    },
  },
);

/** Validators by judge name; the name is the scorer type it validates. */
export const JUDGE_VALIDATORS = { refusal: REFUSAL, strongreject: STRONGREJECT, harm: HARM, leakage: LEAKAGE } as const satisfies Record<string, JudgeValidator>;
export type JudgeName = keyof typeof JUDGE_VALIDATORS;

/** Whether `name` is a judge that can be validated. */
export function isJudgeName(name: string): name is JudgeName {
  return Object.hasOwn(JUDGE_VALIDATORS, name);
}
