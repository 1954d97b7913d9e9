// Construction and ordering of coverage gaps: the severity of each code, the obligation it
// counts against, the clauses it fails, and a stable sort order.
import type { Range } from 'vscode-languageserver-types';
import type { Gap, GapCode, ObligationId, Severity } from '../../shared/coverage';
import type { Location } from '../model';

export const CLAUSE_TRAINING = 'IEC81001-5-1:4.1.4';
export const CLAUSE_ISO_COMPETENCE = 'ISO13485:6.2';
export const CLAUSE_TESTER_INDEPENDENCE = 'IEC81001-5-1:5.7.5';

/**
 * Severity per gap code. Errors are what an auditor would record as a nonconformity of
 * clause 4.1.4: a missing program, description, profile, training, assessment or id, and
 * a tester who is the developer of the same item. Warnings need attention but do not fail
 * the clause today: a training that expires soon, an unclear recurrence, an activity or a
 * role with nobody visible in the documents, a duty that started before a training that is
 * now complete. A placeholder left from a template is information.
 */
export const GAP_SEVERITY: Record<GapCode, Severity> = {
  'no-training-program': 'error',
  'role-without-description': 'error',
  'role-without-profile': 'error',
  'competency-not-trained': 'error',
  'awareness-only': 'error',
  'person-missing-training': 'error',
  'training-expired': 'error',
  'training-expiring': 'warning',
  'assessment-missing': 'error',
  'activity-without-role': 'warning',
  'duty-before-qualification': 'warning',
  'tester-not-independent': 'error',
  'unknown-reference': 'error',
  'recurrence-unclear': 'warning',
  'unfilled-template': 'information',
  'role-unassigned': 'warning',
};

/** The obligation of clause 4.1.4 each gap code counts against, unless the gap names another. */
export const GAP_OBLIGATION: Record<GapCode, ObligationId> = {
  'no-training-program': 'training-needs-activity',
  'role-without-description': 'role-descriptions',
  'role-without-profile': 'training-profiles',
  'competency-not-trained': 'training-profiles',
  'awareness-only': 'training-profiles',
  'person-missing-training': 'training-records',
  'training-expired': 'training-records',
  'training-expiring': 'training-records',
  'assessment-missing': 'demonstrated-expertise',
  'activity-without-role': 'role-descriptions',
  'duty-before-qualification': 'training-records',
  'tester-not-independent': 'training-records',
  'unknown-reference': 'role-descriptions',
  'recurrence-unclear': 'training-profiles',
  'unfilled-template': 'training-records',
  'role-unassigned': 'role-descriptions',
};

export interface GapInput {
  code: GapCode;
  message: string;
  fix: string;
  /** Location the user edits to close the gap. */
  at: Location;
  roles?: string[];
  people?: string[];
  /** The clause failed first; clause 4.1.4 unless given. */
  clause?: string;
  /** Clauses of the activities concerned, listed after the first clause. */
  activityClauses?: string[];
  obligation?: ObligationId;
  suggestions?: string[];
  /** Overrides the code's usual severity. */
  severity?: Severity;
}

export function createGap(input: GapInput): Gap {
  const clause = input.clause ?? CLAUSE_TRAINING;
  const clauses = unique([
    clause,
    ...(input.activityClauses ?? []),
    CLAUSE_TRAINING,
    CLAUSE_ISO_COMPETENCE,
  ]);
  const gap: Gap = {
    code: input.code,
    severity: input.severity ?? GAP_SEVERITY[input.code],
    clause,
    clauses,
    obligation: input.obligation ?? GAP_OBLIGATION[input.code],
    message: input.message,
    fix: input.fix,
    file: input.at.uri,
    range: input.at.range,
    roles: unique(input.roles ?? []).sort(),
    people: unique(input.people ?? []).sort(),
  };
  if (input.suggestions) gap.suggestions = input.suggestions;
  return gap;
}

/** Orders gaps by file, then range, then code, then message, so output is reproducible. */
export function compareGaps(a: Gap, b: Gap): number {
  return (
    compareText(a.file, b.file) ||
    compareRanges(a.range, b.range) ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

export function compareLocations(a: Location, b: Location): number {
  return compareText(a.uri, b.uri) || compareRanges(a.range, b.range);
}

function compareRanges(a: Range, b: Range): number {
  return (
    a.start.line - b.start.line ||
    a.start.character - b.start.character ||
    a.end.line - b.end.line ||
    a.end.character - b.end.character
  );
}

/** Compares by UTF-16 code units, which unlike `localeCompare` does not depend on the locale. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Formats a list of quoted names for a message: `"a"`, `"a" and "b"`, `"a", "b" and "c"`. */
export function quoteList(values: string[]): string {
  const quoted = values.map((value) => `"${value}"`);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
