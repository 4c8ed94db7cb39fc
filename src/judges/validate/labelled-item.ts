/** One human-labelled item of a judge validation set, ready to be judged. */
import type { JudgeCall } from '../judge-call.js';

/** A verdict as validation compares it: a category (for accuracy, κ, α nominal) and, for graded judges, a score. */
export interface Judgement {
  category: string;
  score?: number;
}

/** The judge's verdict on an item, with a short note on how it got there. */
export interface Prediction extends Judgement {
  /** True when the judge model's reply could not be read (category is then 'unparsed'). */
  unparsed?: boolean;
  detail: string;
}

/** A labelled item: what was asked, what the model said, the human verdict, and how to get the judge's. */
export interface LabelledItem {
  id: string;
  input: string;
  output: string;
  human: Judgement;
  /** Runs the judge under validation; `judge` is the model when one was given. */
  predict(judge: JudgeCall | undefined): Promise<Prediction>;
}
