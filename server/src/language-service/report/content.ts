// The report's content, independent of the output format: every section resolved to
// display text and links, and sorted, so each format only lays it out and two runs over
// the same input give the same bytes.
import type { Range } from 'vscode-languageserver-types';
import {
  OBLIGATIONS,
  type CoverageSummary,
  type Gap,
  type ObligationSummary,
  type PersonRoleCell,
  type Severity,
  type TrainingStatus,
  type Verdict,
} from '../../shared/coverage';
import {
  LEVEL_NAMES,
  type CompetencyRequirement,
  type Location,
  type PersonRecord,
} from '../model';
import type { ReportDiagnostic, ReportInput } from './input';
import { countProblems, isListedProblem, sortDiagnostics, type ProblemCounts } from './problems';
import {
  describeAssessment,
  describeRecurrence,
  describeResult,
  summaryText,
  writeDefence,
  writeTitle,
} from './text';

/** A place in a workspace file, as the reader sees it and as a link target. */
export interface FileLink {
  /** `path:line`, or the path alone for a whole file. */
  label: string;
  path: string;
  /** 1-based line, absent for a whole file. */
  line?: number;
  href: string;
}

export interface ObligationRow {
  id: string;
  title: string;
  verdict: Verdict;
  reason: string;
  evidence: FileLink[];
  gapCount: number;
}

export interface PersonLabel {
  id: string;
  /** The record's name when it has one, else the pseudonymous id. */
  display: string;
}

export interface MatrixRow {
  person: PersonLabel;
  /** One cell per column of `MatrixContent.roles`, undefined where the person does not hold the role. */
  cells: (PersonRoleCell | undefined)[];
}

export interface MatrixContent {
  roles: string[];
  rows: MatrixRow[];
}

export interface TrainingRow {
  id: string;
  title: string;
  type: string;
  covers: string;
  recurrence: string;
  due: string;
  profile: string;
}

export interface HolderRow {
  person: PersonLabel;
  from: string;
  to: string;
  item: string;
  status?: TrainingStatus;
  training?: string;
}

export interface RoleSection {
  id: string;
  title: string;
  descriptions: FileLink[];
  clauses: string[];
  competencies: string;
  profiles: { id: string; link?: FileLink }[];
  assessments: string[];
  trainings: TrainingRow[];
  holders: HolderRow[];
}

export interface PersonSection {
  person: PersonLabel;
  roles: string;
  completed: string[];
  record?: FileLink;
}

export interface GapRow {
  severity: Severity;
  code: string;
  clause: string;
  obligation: string;
  message: string;
  fix: string;
  where: FileLink;
  roles: string[];
  people: PersonLabel[];
}

/** An error or warning of one file, such as a YAML syntax or schema error. */
export interface ProblemRow {
  severity: Severity;
  code: string;
  message: string;
  where: FileLink;
}

export interface ReportContent {
  title: string;
  documentId: string;
  productName: string;
  today: string;
  summary: CoverageSummary;
  /** One sentence counting covered people, open gaps and document problems. */
  summaryText: string;
  obligations: ObligationRow[];
  matrix: MatrixContent;
  roles: RoleSection[];
  people: PersonSection[];
  gaps: GapRow[];
  /** Errors and warnings of single files, sorted by file, line, character, code and message. */
  problems: ProblemRow[];
  problemCounts: ProblemCounts;
  defence: string;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

const WHOLE_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Compares strings by UTF-16 code units, so the order does not depend on the locale. */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

export function buildReportContent(input: ReportInput): ReportContent {
  const { coverage } = input;
  const people = new PeopleIndex(input.model.records);
  const obligations = buildObligations(input);
  return {
    title: writeTitle(input.productName),
    documentId: input.documentId,
    productName: input.productName,
    today: coverage.today,
    summary: coverage.summary,
    summaryText: summaryText(input),
    obligations,
    matrix: buildMatrix(coverage.matrix, people),
    roles: buildRoles(input, people),
    people: buildPeople(input, people),
    gaps: sortGaps(coverage.gaps).map((gap) => buildGapRow(input, gap, people)),
    problems: sortDiagnostics(input.diagnostics.filter(isListedProblem)).map((diagnostic) =>
      buildProblemRow(input, diagnostic),
    ),
    problemCounts: countProblems(input.diagnostics),
    defence: writeDefence(input, obligations),
  };
}

/** Sorts gaps by severity, then by file and position, then by code and message. */
export function sortGaps(gaps: readonly Gap[]): Gap[] {
  return [...gaps].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      compareText(a.file, b.file) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compareText(a.code, b.code) ||
      compareText(a.message, b.message),
  );
}

export function sortMatrix(cells: readonly PersonRoleCell[]): PersonRoleCell[] {
  return [...cells].sort((a, b) => compareText(a.person, b.person) || compareText(a.role, b.role));
}

export function fileLink(input: ReportInput, uri: string, range?: Range): FileLink {
  return pathLink(input, input.relativePath(uri), uri, range);
}

/** Links `path` as the reader sees it. The `link` callback, when given, gets `target`. */
function pathLink(input: ReportInput, path: string, target: string, range?: Range): FileLink {
  const line = range ? range.start.line + 1 : undefined;
  const href = input.link
    ? input.link(target, range ?? WHOLE_FILE)
    : `${encodePath(path)}${line === undefined ? '' : `#L${line}`}`;
  return {
    label: line === undefined ? path : `${path}:${line}`,
    path,
    href,
    ...(line ? { line } : {}),
  };
}

/**
 * Percent-encodes each path segment, so a link target has no spaces or brackets and a
 * colon in a file name cannot be read as a URI scheme such as `javascript:`.
 */
function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'*!]/g, percentEncode))
    .join('/');
}

function percentEncode(character: string): string {
  return `%${character.charCodeAt(0).toString(16).toUpperCase()}`;
}

function locationLink(input: ReportInput, location: Location | undefined): FileLink | undefined {
  return location ? fileLink(input, location.uri, location.range) : undefined;
}

class PeopleIndex {
  private readonly names = new Map<string, string>();

  constructor(records: readonly PersonRecord[]) {
    for (const record of records) {
      if (record.name && !this.names.has(record.id)) this.names.set(record.id, record.name);
    }
  }

  label(id: string): PersonLabel {
    return { id, display: this.names.get(id) ?? id };
  }
}

/** Sorts obligation summaries into the order of clause 4.1.4, with unknown ids last. */
export function sortObligations(summaries: readonly ObligationSummary[]): ObligationSummary[] {
  const rank = (id: string): number => {
    const index = (OBLIGATIONS as readonly string[]).indexOf(id);
    return index < 0 ? OBLIGATIONS.length : index;
  };
  return [...summaries].sort((a, b) => rank(a.id) - rank(b.id) || compareText(a.id, b.id));
}

function buildObligations(input: ReportInput): ObligationRow[] {
  const summaries = sortObligations(input.coverage.obligations);
  return summaries.map((summary) => ({
    id: summary.id,
    title: summary.title,
    verdict: summary.verdict,
    reason: summary.reason,
    evidence: evidenceLinks(input, summary.evidence),
    gapCount: summary.gapCount,
  }));
}

/** Links each evidence file once, sorted by its relative path. */
function evidenceLinks(input: ReportInput, files: readonly string[]): FileLink[] {
  const byPath = new Map<string, string>();
  for (const file of files) {
    const path = input.relativePath(file);
    if (!byPath.has(path)) byPath.set(path, file);
  }
  return uniqueSorted([...byPath.keys()]).map((path) => fileLink(input, byPath.get(path)!));
}

function buildMatrix(cells: readonly PersonRoleCell[], people: PeopleIndex): MatrixContent {
  const roles = uniqueSorted(cells.map((cell) => cell.role));
  const personIds = uniqueSorted(cells.map((cell) => cell.person));
  const rows = personIds.map((person) => ({
    person: people.label(person),
    cells: roles.map((role) => cells.find((cell) => cell.person === person && cell.role === role)),
  }));
  return { roles, rows };
}

function buildRoles(input: ReportInput, people: PeopleIndex): RoleSection[] {
  const { model, catalog, coverage } = input;
  const ids = uniqueSorted([
    ...model.roles.map((role) => role.id),
    ...model.profiles.map((profile) => profile.role),
    ...model.records.flatMap((record) => record.assignments.map((a) => a.role)),
    ...coverage.matrix.map((cell) => cell.role),
  ]);
  return ids.map((id) => {
    const descriptions = model.roles.filter((role) => role.id === id);
    const profiles = model.profiles
      .filter((profile) => profile.role === id)
      .sort((a, b) => compareText(a.id, b.id));
    const catalogRole = catalog.role(id);
    const title = descriptions.find((role) => role.title)?.title ?? catalogRole?.title ?? id;
    const requirements = descriptions[0]?.competencies ?? catalogRole?.competencies ?? [];
    const trainings = profiles
      .flatMap((profile) =>
        profile.trainings.map((training) => ({
          id: training.id,
          title: training.title ?? '',
          type: training.type,
          covers: describeCompetencies(training.covers),
          recurrence: describeRecurrence(training),
          due:
            training.dueWithinDays === undefined
              ? ''
              : `within ${training.dueWithinDays} days of assignment`,
          profile: profile.id,
        })),
      )
      .sort((a, b) => compareText(a.id, b.id) || compareText(a.profile, b.profile));
    return {
      id,
      title,
      descriptions: descriptions
        .map((role) => locationLink(input, role.location))
        .filter((link): link is FileLink => link !== undefined),
      clauses: uniqueSorted(descriptions.flatMap((role) => role.clauses)),
      competencies: describeCompetencies(requirements),
      profiles: profiles.map((profile) => ({
        id: profile.id,
        ...withLink(locationLink(input, profile.location)),
      })),
      assessments: uniqueSorted(
        profiles.flatMap((profile) =>
          profile.assessment ? [describeAssessment(profile.assessment, catalog)] : [],
        ),
      ),
      trainings,
      holders: buildHolders(input, id, people),
    };
  });
}

/**
 * Lists the people holding a role: everyone with an assignment to it, plus everyone the
 * analysis counts as holding it without one, such as the awareness baseline every person
 * holds from their start date.
 */
function buildHolders(input: ReportInput, role: string, people: PeopleIndex): HolderRow[] {
  const cells = input.coverage.matrix.filter((cell) => cell.role === role);
  const withStatus = (person: string): Pick<HolderRow, 'status' | 'training'> => {
    const cell = cells.find((c) => c.person === person);
    if (!cell) return {};
    const training = cell.status !== 'done' && cell.training ? { training: cell.training } : {};
    return { status: cell.status, ...training };
  };
  const rows: HolderRow[] = [];
  for (const record of input.model.records) {
    for (const assignment of record.assignments) {
      if (assignment.role !== role) continue;
      rows.push({
        person: people.label(record.id),
        from: assignment.from ?? '',
        to: assignment.to ?? '',
        item: assignment.item ?? '',
        ...withStatus(record.id),
      });
    }
  }
  for (const cell of cells) {
    if (rows.some((row) => row.person.id === cell.person)) continue;
    const startDate = input.model.records.find((r) => r.id === cell.person)?.startDate;
    rows.push({
      person: people.label(cell.person),
      from: startDate ?? '',
      to: '',
      item: '',
      ...withStatus(cell.person),
    });
  }
  return rows.sort(
    (a, b) =>
      compareText(a.person.id, b.person.id) ||
      compareText(a.from, b.from) ||
      compareText(a.item, b.item),
  );
}

function buildPeople(input: ReportInput, people: PeopleIndex): PersonSection[] {
  const records = [...input.model.records].sort((a, b) => compareText(a.id, b.id));
  return records.map((record) => {
    const roles = [...record.assignments]
      .sort((a, b) => compareText(a.role, b.role) || compareText(a.from ?? '', b.from ?? ''))
      .map((a) => (a.from ? `${a.role} since ${a.from}` : a.role));
    const completed = [...record.completed]
      .sort(
        (a, b) => compareText(a.training, b.training) || compareText(a.date ?? '', b.date ?? ''),
      )
      .map((training) => {
        const parts = [training.training];
        if (training.date) parts.push(`on ${training.date}`);
        if (training.version) parts.push(`version ${training.version}`);
        if (training.assessment) parts.push(describeResult(training.assessment, people));
        if (training.expires) parts.push(`expires ${training.expires}`);
        return parts.join(', ');
      });
    return {
      person: people.label(record.id),
      roles: roles.join('; '),
      completed,
      ...withRecord(locationLink(input, record.location)),
    };
  });
}

function buildGapRow(input: ReportInput, gap: Gap, people: PeopleIndex): GapRow {
  return {
    severity: gap.severity,
    code: gap.code,
    clause: gap.clause,
    obligation: gap.obligation,
    message: gap.message,
    fix: gap.fix,
    where: fileLink(input, gap.file, gap.range),
    roles: uniqueSorted(gap.roles),
    people: uniqueSorted(gap.people).map((id) => people.label(id)),
  };
}

function buildProblemRow(input: ReportInput, diagnostic: ReportDiagnostic): ProblemRow {
  return {
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    where: pathLink(input, diagnostic.file, diagnostic.uri ?? diagnostic.file, diagnostic.range),
  };
}

function describeCompetencies(requirements: readonly CompetencyRequirement[]): string {
  return [...requirements]
    .sort((a, b) => compareText(a.competency, b.competency))
    .map((r) => `${r.competency} (${LEVEL_NAMES[r.level] ?? r.level})`)
    .join(', ');
}

function withLink(link: FileLink | undefined): { link?: FileLink } {
  return link ? { link } : {};
}

function withRecord(record: FileLink | undefined): { record?: FileLink } {
  return record ? { record } : {};
}

export function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}
