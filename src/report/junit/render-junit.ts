/** Renders a run as JUnit XML: one testsuite, one testcase per sample × epoch × scorer. */
import type { SampleResultRecord } from '../../store/records.js';
import type { ReportData } from '../report-data.js';
import { formatNumber, scorerNames, sortedResults } from '../report-view.js';
import { escapeXmlAttr as attr, escapeXmlText as text } from './escape-xml.js';

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

/**
 * Renders JUnit XML for CI dashboards. A score below 1 is a `<failure>`, an errored sample an
 * `<error>` (one per scorer), and a completed sample lacking a scorer's score is `<skipped>`.
 * @example renderJunit(data) // <testsuites …><testsuite name="arith" tests="12" …>
 */
export function renderJunit(data: ReportData): string {
  const { run } = data;
  const scorers = scorerNames(data);
  const counts: Counts = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  const cases: string[] = [];
  let seconds = 0;
  for (const r of sortedResults(data.results)) {
    seconds += durationSeconds(r);
    // A run with no scorer still reports its errored samples.
    for (const scorer of scorers.length ? scorers : ['']) cases.push(testcase(run.task, scorer, r, counts));
  }
  const totals = `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${seconds.toFixed(3)}"`;
  const properties = (
    [
      ['run.id', run.id],
      ['run.model', run.model],
      ['run.status', run.status],
      ['run.label', run.label],
      ['run.taskHash', run.taskHash],
      ['run.datasetHash', run.datasetHash],
    ] as const
  ).map(([name, value]) => `      <property name="${name}" value="${attr(value)}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`assay ${run.id}`)}" ${totals}>`,
    `  <testsuite name="${attr(run.task)}" ${totals} timestamp="${attr(run.createdAt)}">`,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(task: string, scorer: string, r: SampleResultRecord, counts: Counts): string {
  counts.tests++;
  const classname = scorer === '' ? task : `${task}.${scorer}`;
  const open = `    <testcase classname="${attr(classname)}" name="${attr(`${r.sampleId} epoch ${r.epoch}`)}" time="${durationSeconds(r).toFixed(3)}"`;
  if (r.status === 'error') {
    counts.errors++;
    const code = r.error?.code ?? 'ERROR';
    const message = r.error?.message ?? 'The sample errored.';
    return `${open}>\n      <error type="${attr(code)}" message="${attr(message)}">${text(message)}</error>\n    </testcase>`;
  }
  const score = r.scores.find((s) => s.scorer === scorer);
  if (!score) {
    counts.skipped++;
    return `${open}>\n      <skipped message="${attr(`no ${scorer || 'score'} recorded`)}"/>\n    </testcase>`;
  }
  if (score.value >= 1) return `${open}/>`;
  counts.failures++;
  const message = `score ${formatNumber(score.value)}${score.explanation ? `: ${score.explanation}` : ''}`;
  const body = [`answer: ${score.answer ?? r.output ?? ''}`, `explanation: ${score.explanation}`].join('\n');
  return `${open}>\n      <failure type="score" message="${attr(message)}">${text(body)}</failure>\n    </testcase>`;
}

function durationSeconds(r: SampleResultRecord): number {
  const ms = Date.parse(r.completedAt) - Date.parse(r.startedAt);
  return Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0;
}
