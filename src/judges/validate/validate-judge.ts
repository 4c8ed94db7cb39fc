/** Validates a judge against human labels: runs it on every item and reports agreement, confusion and disagreements. */
import { AssayError } from '../../errors/index.js';
import { accuracy, cohensKappa, krippendorffAlpha } from '../../stats/agreement.js';
import type { JudgeCall } from '../judge-call.js';
import { JUDGE_VALIDATORS, type JudgeName } from './judge-validators.js';
import type { LabelledItem, Prediction } from './labelled-item.js';

/** Disagreements listed in the report, at most. */
export const MAX_DISAGREEMENTS = 20;

/** How to run the judge under validation. */
export interface ValidateOptions {
  /** The judge model; required for judges that need one, else it switches the judge to model mode. */
  judge?: JudgeCall;
  /** Items judged at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
}

/** One item where the judge and the human differ. */
export interface Disagreement {
  id: string;
  input: string;
  output: string;
  human: string;
  judge: string;
  humanScore?: number;
  judgeScore?: number;
  detail: string;
}

/** Agreement between a judge and the human labels, as `assay judge validate` prints it. */
export interface ValidationReport {
  judge: JudgeName;
  /** `heuristic` (no model) or `model`. */
  mode: 'heuristic' | 'model';
  n: number;
  accuracy: number | null;
  /** Cohen's κ between human and judge categories; null when undefined (one category only). */
  kappa: number | null;
  /** Krippendorff's α between human and judge (level in `alphaLevel`). */
  alpha: number | null;
  alphaLevel: 'nominal' | 'interval';
  /** Mean absolute error of the score, for graded judges. */
  mae?: number;
  /** Two-class agreement (refused vs complied) for judges with a coarser binary reading. */
  binary?: { accuracy: number | null; kappa: number | null };
  /** confusion[human][judge] = count; 'unparsed' appears as a judge column when replies could not be read. */
  confusion: Record<string, Record<string, number>>;
  unparsed: number;
  disagreementCount: number;
  disagreements: Disagreement[];
}

/**
 * Runs `name` on each item and compares it with the human labels.
 * @example await validateJudge('refusal', await readLabelled(file, JUDGE_VALIDATORS.refusal))
 */
export async function validateJudge(name: JudgeName, items: readonly LabelledItem[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const validator = JUDGE_VALIDATORS[name];
  if (validator.needsModel && !options.judge) {
    throw new AssayError('USAGE', `The ${name} judge needs a judge model.`, { hint: 'Give one with --model <provider>/<model> (and -M key=value arguments).' });
  }
  const predictions = await mapLimit(items, options.concurrency ?? 4, (item) => item.predict(options.judge), options.signal);
  const human = items.map((i) => i.human.category);
  const judged = predictions.map((p) => p.category);
  const categories = [...validator.categories, ...(judged.includes('unparsed') ? ['unparsed'] : [])];
  const graded = validator.alphaLevel === 'interval';
  const humanScores = items.map((i) => i.human.score ?? 0);
  const judgeScores = predictions.map((p) => p.score ?? 0);
  const disagreements = items.flatMap((item, i) => (disagree(item, predictions[i]!, graded) ? [disagreement(item, predictions[i]!)] : []));
  return {
    judge: name,
    mode: options.judge ? 'model' : 'heuristic',
    n: items.length,
    accuracy: accuracy(human, judged),
    kappa: cohensKappa(human, judged, { categories }),
    alpha: graded ? krippendorffAlpha([humanScores, judgeScores], { level: 'interval' }) : krippendorffAlpha([human, judged]),
    alphaLevel: validator.alphaLevel,
    ...(graded ? { mae: humanScores.reduce((s, h, i) => s + Math.abs(h - judgeScores[i]!), 0) / items.length } : {}),
    ...(validator.binary ? { binary: { accuracy: accuracy(human.map(validator.binary), judged.map(validator.binary)), kappa: cohensKappa(human.map(validator.binary), judged.map(validator.binary)) } } : {}),
    confusion: confusion(validator.categories, categories, human, judged),
    unparsed: predictions.filter((p) => p.unparsed).length,
    disagreementCount: disagreements.length,
    disagreements: disagreements.slice(0, MAX_DISAGREEMENTS),
  };
}

/** Differs in category, or (graded judges) in score by more than a quarter of the scale. */
function disagree(item: LabelledItem, p: Prediction, graded: boolean): boolean {
  return item.human.category !== p.category || (graded && Math.abs((item.human.score ?? 0) - (p.score ?? 0)) > 0.25);
}

function disagreement(item: LabelledItem, p: Prediction): Disagreement {
  const clip = (s: string) => (s.length <= 200 ? s : `${s.slice(0, 199)}…`);
  return {
    id: item.id,
    input: clip(item.input),
    output: clip(item.output),
    human: item.human.category,
    judge: p.category,
    ...(item.human.score === undefined ? {} : { humanScore: item.human.score }),
    ...(p.score === undefined ? {} : { judgeScore: p.score }),
    detail: clip(p.detail),
  };
}

function confusion(rows: readonly string[], cols: readonly string[], human: string[], judged: string[]): Record<string, Record<string, number>> {
  const table = Object.fromEntries(rows.map((r) => [r, Object.fromEntries(cols.map((c) => [c, 0]))])) as Record<string, Record<string, number>>;
  human.forEach((h, i) => (table[h]![judged[i]!]! += 1));
  return table;
}

/** Maps with at most `limit` calls in flight, keeping order; stops taking new items once `signal` aborts. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>, signal: AbortSignal | undefined): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      if (signal?.aborted) throw new AssayError('ABORTED', 'Judge validation was cancelled.');
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
