/** Reads the step lines of a plan out of a model's answer. */

/** One step line, cleaned of list numbering and emphasis. */
export interface PlanStep {
  /** 1-based position in the plan. */
  index: number;
  /** 1-based line of the answer it came from. */
  line: number;
  text: string;
}

const MARKER = /^[\s#>*_`]*plan[\s*_`]*:[\s*_`]*(.*)$/i;
const LIST_PREFIX = /^(?:[-*•+]|\d+\s*[.):]|\(\d+\)|step\s+\d+\s*[.):-]?)\s*/i;

function clean(line: string): string {
  let text = line.trim();
  for (let before = ''; before !== text; ) {
    before = text;
    text = text.replace(/^>\s*/, '').replace(LIST_PREFIX, '').replace(/^[*_`]+|[*_`]+$/g, '').replace(/[.;]$/, '').trim();
  }
  return text;
}

/**
 * The plan is what follows the last line that starts with "PLAN:" (text after the colon on that line is the first
 * step): the consecutive non-blank lines from the first step up to a blank line or a line "END". Without such a
 * line the plan is every non-blank line of the answer. List numbering ("1.", "2)", "-", "Step 3:"), bold/code marks
 * and a final "." are removed from each step.
 * @example readPlan('Thinking…\nPLAN:\n1. move C onto table\n2. move B onto C').map((s) => s.text) // ['move C onto table', 'move B onto C']
 */
export function readPlan(answer: string): PlanStep[] {
  const lines = answer.split(/\r?\n/);
  let markerAt = -1;
  lines.forEach((l, i) => {
    if (MARKER.test(l)) markerAt = i;
  });
  const steps: PlanStep[] = [];
  const push = (text: string, line: number): void => {
    steps.push({ index: steps.length + 1, line, text });
  };
  if (markerAt < 0) {
    lines.forEach((l, i) => {
      const text = clean(l);
      if (text !== '') push(text, i + 1);
    });
    return steps;
  }
  const sameLine = clean(MARKER.exec(lines[markerAt]!)![1]!);
  if (sameLine !== '') push(sameLine, markerAt + 1);
  for (let i = markerAt + 1; i < lines.length; i++) {
    const text = clean(lines[i]!);
    if (text === '') {
      if (steps.length > 0) break;
      continue;
    }
    if (/^end$/i.test(text)) break;
    push(text, i + 1);
  }
  return steps;
}
