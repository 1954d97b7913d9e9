// The coverage analysis of clause 4.1.4: a pure function of the merged workspace model, the
// built-in catalog and the analysis date. The same input gives the same gaps in the same
// order.
import type { CoverageResult, Gap, PersonRoleCell, Severity } from '../../shared/coverage';
import type { Catalog } from '../catalog-types';
import type { WorkspaceModel } from '../model';
import { appendAll } from '../collections';
import { AnalysisContext } from './context';
import { compareGaps } from './gap';
import { findIndependenceGaps } from './independence';
import { buildMatrixCells } from './matrix';
import { summariseObligations } from './obligations';
import { findMatrixGaps, findPersonGaps } from './people';
import { findProfileGaps, findRecurrenceGaps } from './profiles';
import { findProgramGaps } from './program';
import { findUnfilledTemplates, findUnknownReferences } from './references';
import { analysedRoles, findRoleGaps, findUnassignedRoles, findUnservedActivities } from './roles';
import { personStandings } from './standing';

export interface CoverageOptions {
  /** The date the analysis is made for, `YYYY-MM-DD`. */
  today: string;
  /** Days before expiry from which a training counts as expiring. */
  expiryWarningDays: number;
}

export const DEFAULT_EXPIRY_WARNING_DAYS = 30;

export function analyseCoverage(
  model: WorkspaceModel,
  catalog: Catalog,
  options: CoverageOptions,
): CoverageResult {
  const context = new AnalysisContext(model, catalog, options);
  const roleIds = analysedRoles(context);
  const gaps: Gap[] = [];
  // Each finder's result is appended item by item, because one finder may return more gaps
  // than a spread call can pass on the stack (a file full of unfilled template rows).
  const add = (found: Gap[]): void => appendAll(gaps, found);
  // A workspace without a single competency document is not a QMS yet, so the gaps of the
  // whole workspace (no program, activities nobody serves) would only flood unrelated files.
  if (context.hasEntities) {
    add(findProgramGaps(context));
    add(findUnservedActivities(context, roleIds));
  }
  add(findRoleGaps(context, roleIds));
  add(findUnassignedRoles(context));
  add(findProfileGaps(context, roleIds));
  add(findRecurrenceGaps(context));
  add(findUnknownReferences(context));
  add(findUnfilledTemplates(context));

  const matrix: PersonRoleCell[] = [];
  for (const person of context.people) {
    const standings = personStandings(context, person);
    const personGaps = findPersonGaps(context, standings);
    add(personGaps);
    add(findMatrixGaps(context, person));
    add(findIndependenceGaps(context, person));
    appendAll(matrix, buildMatrixCells(context, person, standings, personGaps));
  }
  gaps.sort(compareGaps);

  const people = {
    total: context.people.length,
    covered: countFullyCovered(context, gaps, matrix),
  };
  return {
    today: options.today,
    gaps,
    obligations: summariseObligations(model, gaps, people),
    matrix,
    summary: {
      people: people.total,
      peopleFullyCovered: people.covered,
      roles: roleIds.length,
      gapsBySeverity: countBySeverity(gaps),
    },
  };
}

function countBySeverity(gaps: Gap[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const gap of gaps) counts[gap.severity]++;
  return counts;
}

/**
 * Counts the people no gap names and whose every matrix cell is done. The cells catch what
 * a gap without people causes, such as an assignment to a misspelt role or to a role with no
 * training profile.
 */
function countFullyCovered(
  context: AnalysisContext,
  gaps: Gap[],
  matrix: PersonRoleCell[],
): number {
  const uncovered = new Set(gaps.flatMap((gap) => gap.people));
  for (const cell of matrix) if (cell.status !== 'done') uncovered.add(cell.person);
  return context.people.filter((person) => !uncovered.has(person.id)).length;
}
