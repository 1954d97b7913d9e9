// Wording shared by every format: title, labels, legend and the audit defence paragraph.
import type { Severity, TrainingStatus, Verdict } from '../../shared/coverage';
import type { Catalog } from '../catalog-types';
import type { AssessmentRecord, ProfileAssessment, TrainingRequirement } from '../model';
import type { ObligationRow, PersonLabel } from './content';
import type { ReportInput } from './input';
import { countProblems, type ProblemCounts } from './problems';

export const SCOPE =
  'IEC 81001-5-1:2021 clause 4.1.4 (security expertise) and ISO 13485:2016 clause 6.2 (human resources)';

export const VERDICT_LABELS: Record<Verdict, string> = {
  met: 'Met',
  'partly-met': 'Partly met',
  'not-met': 'Not met',
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: 'Error',
  warning: 'Warning',
  information: 'Information',
  hint: 'Hint',
};

/** Status of a person in a role, with a symbol so the matrix reads without colour too. */
export const STATUS_LABELS: Record<TrainingStatus, { symbol: string; label: string }> = {
  done: { symbol: '✓', label: 'Done' },
  'due-soon': { symbol: '◔', label: 'Due soon' },
  overdue: { symbol: '!', label: 'Overdue' },
  expired: { symbol: '✗', label: 'Expired' },
  missing: { symbol: '○', label: 'Missing' },
};

export const STATUS_ORDER: readonly TrainingStatus[] = [
  'done',
  'due-soon',
  'overdue',
  'expired',
  'missing',
];

export const STATUS_MEANINGS: Record<TrainingStatus, string> = {
  done: 'every training the role requires is complete, current and assessed',
  'due-soon':
    'a required training is not done but is still within the days allowed after assignment, or is done and expires within the warning period',
  overdue: 'a required training is not done and the days allowed after assignment have passed',
  expired: 'a required training is past its recurrence or expiry date',
  missing:
    'a required training is not done and has no due date (no days allowed after assignment), a passed assessment a training needs has no record, or the role requires no training',
};

export const NOT_HELD = '–';
export const NOT_HELD_MEANING = 'the person does not hold the role';

export function writeTitle(productName: string): string {
  return `Security training and competency report: ${productName}`;
}

export function statusText(status: TrainingStatus): string {
  const { symbol, label } = STATUS_LABELS[status];
  return `${symbol} ${label}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function countPeople(count: number): string {
  return `${count} ${count === 1 ? 'person' : 'people'}`;
}

/** Counts by severity, such as `2 errors, 1 warning`, leaving out severities with none. */
function severityCounts(counts: Partial<Record<Severity, number>>): string {
  return (['error', 'warning', 'information', 'hint'] as const)
    .filter((severity) => (counts[severity] ?? 0) > 0)
    .map((severity) => {
      const count = counts[severity] ?? 0;
      return severity === 'information' ? `${count} information` : plural(count, severity);
    })
    .join(', ');
}

function withSeverities(
  count: number,
  noun: string,
  counts: Partial<Record<Severity, number>>,
): string {
  return count === 0 ? `no ${noun}` : `${plural(count, noun)} (${severityCounts(counts)})`;
}

/**
 * Summarises the report in one paragraph: people covered, open gaps and document problems
 * by severity, and how many information notes are left out of the list.
 */
export function summaryText(input: ReportInput): string {
  const { summary } = input.coverage;
  const problems = countProblems(input.diagnostics);
  const gaps = withSeverities(input.coverage.gaps.length, 'gap', summary.gapsBySeverity);
  const documentProblems = withSeverities(problems.errors + problems.warnings, 'document problem', {
    error: problems.errors,
    warning: problems.warnings,
  });
  const text =
    `${summary.peopleFullyCovered} of ${countPeople(summary.people)} fully covered across ` +
    `${plural(summary.roles, 'role')}. Open: ${gaps} and ${documentProblems}.`;
  return problems.notes === 0 ? text : `${text} ${notesText(problems)}`;
}

/** Writes the sentence that counts the information and hint diagnostics left out of the list. */
export function notesText(problems: ProblemCounts): string {
  const count = problems.notes;
  return count === 1
    ? '1 information note on a document, such as a role mapping, is not listed.'
    : `${count} information notes on documents, such as role mappings, are not listed.`;
}

/** Describes how often a training repeats, such as `P2Y (every 2 years)`. */
export function describeRecurrence(training: TrainingRequirement): string {
  if (training.recurrence) {
    const spoken = describeDuration(training.recurrence);
    return spoken ? `${training.recurrence} (every ${spoken})` : training.recurrence;
  }
  if (training.recurrenceUnclear) return `unclear: "${training.recurrenceText ?? ''}"`;
  return training.recurrenceText ?? 'not repeated';
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;
const DURATION_UNITS = ['year', 'month', 'week', 'day'];

/** Spells out a date-only ISO 8601 duration, or returns undefined for other forms. */
function describeDuration(duration: string): string | undefined {
  const match = DURATION.exec(duration);
  if (!match || duration === 'P') return undefined;
  const parts: string[] = [];
  DURATION_UNITS.forEach((unit, index) => {
    const value = match[index + 1];
    if (value === undefined) return;
    parts.push(value === '1' ? unit : `${Number(value)} ${unit}s`);
  });
  return parts.join(' and ');
}

export function describeAssessment(assessment: ProfileAssessment, catalog: Catalog): string {
  const title = catalog.assessmentMethod(assessment.method)?.title;
  const method = title ? `${title} (${assessment.method})` : assessment.method;
  return assessment.program ? `${method}, program ${assessment.program}` : method;
}

export function describeResult(
  assessment: AssessmentRecord,
  people: { label(id: string): PersonLabel },
): string {
  let text = `assessed by ${assessment.method}`;
  if (assessment.result !== undefined) {
    const result = assessment.result;
    text += `: ${result === 'pass' ? 'passed' : result === 'fail' ? 'failed' : `${result} %`}`;
  }
  if (assessment.assessor) text += `, assessor ${people.label(assessment.assessor).display}`;
  if (assessment.date) text += `, ${assessment.date}`;
  return text;
}

/**
 * Writes the paragraph a quality engineer reads out in an audit: what the evidence shows
 * for the product on the analysis date, and which obligations remain open.
 */
export function writeDefence(input: ReportInput, obligations: readonly ObligationRow[]): string {
  const { coverage, documentId, productName } = input;
  const { summary } = coverage;

  const sentences = [
    `Report ${documentId} shows, for ${productName}, the security training and competency ` +
      `evidence that ${SCOPE} require, as analysed on ${coverage.today}.`,
  ];

  const met = obligations.filter((o) => o.verdict === 'met');
  const open = obligations.filter((o) => o.verdict !== 'met');
  if (obligations.length === 0) {
    sentences.push('The analysis gave no verdict on the obligations of clause 4.1.4.');
  } else if (met.length === 0) {
    sentences.push('The evidence does not yet show any obligation of clause 4.1.4 as met.');
  } else {
    const titles = met.map((o) => o.title).join('; ');
    sentences.push(
      met.length === obligations.length
        ? `The evidence shows all ${obligations.length} obligations of clause 4.1.4 met: ${titles}.`
        : `The evidence shows these obligations of clause 4.1.4 met: ${titles}.`,
    );
  }

  const problems = countProblems(input.diagnostics);
  if (problems.errors > 0) {
    const errors = plural(problems.errors, 'error');
    const documents = plural(problems.filesWithErrors, 'document');
    sentences.push(
      `The evidence is not complete while ${errors} ${problems.errors === 1 ? 'remains' : 'remain'} ` +
        `in ${documents}, because content that cannot be read or validated may be missing ` +
        'from the analysis.',
    );
  }
  sentences.push(
    `Across ${plural(summary.roles, 'role')}, ${summary.peopleFullyCovered} of ` +
      `${countPeople(summary.people)} hold every training and passed assessment their roles require.`,
  );

  const gapTotal = coverage.gaps.length;
  if (open.length > 0) {
    const items = open.map(
      (o) =>
        `${o.title} (${VERDICT_LABELS[o.verdict].toLowerCase()}, ${plural(o.gapCount, 'gap')})`,
    );
    sentences.push(`These obligations remain open: ${items.join('; ')}.`);
  }
  sentences.push(openFindingsSentence(gapTotal, problems.errors + problems.warnings));
  return sentences.join(' ');
}

function openFindingsSentence(gaps: number, problems: number): string {
  if (gaps === 0 && problems === 0) return 'No gap or document problem remains open.';
  const items: string[] = [];
  if (gaps > 0) items.push(gaps === 1 ? 'the open gap' : `the ${gaps} open gaps`);
  if (problems > 0) {
    items.push(problems === 1 ? 'the document problem' : `the ${problems} document problems`);
  }
  const verb = gaps + problems === 1 ? 'is' : 'are';
  const sentence = `${items.join(' and ')} ${verb} listed with the file and line to change.`;
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
}
