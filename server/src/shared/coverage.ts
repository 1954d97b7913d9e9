// The coverage model: gaps and obligation verdicts, as plain data shared by the language
// service, the CLI's JSON, the report and the extension's tree view. The gap codes and the
// JSON field names are a public interface, because CI gates and suppressions name them.
import type { Range } from 'vscode-languageserver-types';

export const GAP_CODES = [
  'no-training-program',
  'role-without-description',
  'role-without-profile',
  'competency-not-trained',
  'awareness-only',
  'person-missing-training',
  'training-expired',
  'training-expiring',
  'assessment-missing',
  'activity-without-role',
  'duty-before-qualification',
  'tester-not-independent',
  'unknown-reference',
  'recurrence-unclear',
  'unfilled-template',
  'role-unassigned',
] as const;
export type GapCode = (typeof GAP_CODES)[number];

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The six obligations of IEC 81001-5-1 clause 4.1.4, in the order the report lists them. */
export const OBLIGATIONS = [
  'training-needs-activity',
  'assessment-programs',
  'demonstrated-expertise',
  'role-descriptions',
  'training-profiles',
  'training-records',
] as const;
export type ObligationId = (typeof OBLIGATIONS)[number];

export interface Gap {
  code: GapCode;
  severity: Severity;
  /** The clause the gap fails first, such as `IEC81001-5-1:4.1.4`. */
  clause: string;
  /** Every clause concerned: 4.1.4, the activity's own clause, `ISO13485:6.2`. */
  clauses: string[];
  obligation: ObligationId;
  message: string;
  /** Suggested fix, one or two sentences. */
  fix: string;
  /** Workspace-relative path (CLI, report) or URI (language server) of the file to change. */
  file: string;
  range: Range;
  roles: string[];
  people: string[];
  /** Ids the user may have meant, best first, for `unknown-reference`. */
  suggestions?: string[];
}

export type Verdict = 'met' | 'partly-met' | 'not-met';

export interface ObligationSummary {
  id: ObligationId;
  title: string;
  verdict: Verdict;
  /** The reason for the verdict, in one sentence. */
  reason: string;
  /** Files (same form as `Gap.file`) that are evidence for the obligation. */
  evidence: string[];
  gapCount: number;
}

/** The status of one person on one training their role requires. */
export type TrainingStatus = 'done' | 'due-soon' | 'overdue' | 'expired' | 'missing';

export interface PersonRoleCell {
  person: string;
  role: string;
  status: TrainingStatus;
  /** The training behind the worst status, when there is one. */
  training?: string;
}

export interface CoverageSummary {
  people: number;
  peopleFullyCovered: number;
  roles: number;
  gapsBySeverity: Record<Severity, number>;
}

export interface CoverageResult {
  /** The date the analysis was made for, `YYYY-MM-DD`. */
  today: string;
  gaps: Gap[];
  obligations: ObligationSummary[];
  matrix: PersonRoleCell[];
  summary: CoverageSummary;
}
