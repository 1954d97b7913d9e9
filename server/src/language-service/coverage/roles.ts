// Gaps of the roles themselves: a role used but not described, a role without a training
// profile, a role nobody holds, and an activity in scope that no role serves.
import type { Gap } from '../../shared/coverage';
import type { CatalogClause } from '../catalog-types';
import type { AnalysisContext } from './context';
import { BASELINE_ROLE } from './context';
import { compareText, createGap, unique } from './gap';

/**
 * Returns the ids of the roles the analysis covers: every workspace role and every role
 * used anywhere, except ids that are unknown references, which get that gap only.
 */
export function analysedRoles(context: AnalysisContext): string[] {
  const unknown = new Set(
    context.model.references
      .filter((reference) => reference.kind === 'role' && !context.isKnownRole(reference.id))
      .map((reference) => reference.id),
  );
  return unique([...context.roles.keys(), ...context.roleUses.keys()])
    .filter((id) => !unknown.has(id))
    .sort(compareText);
}

export function findRoleGaps(context: AnalysisContext, roleIds: string[]): Gap[] {
  const gaps: Gap[] = [];
  for (const roleId of roleIds) {
    const description = context.roles.get(roleId);
    const firstUse = context.roleUses.get(roleId)?.[0];
    if (!description) {
      gaps.push(
        createGap({
          code: 'role-without-description',
          message: `Role "${roleId}" is used but has no RoleDescription in the QMS.`,
          fix: `Add a RoleDescription with id "${roleId}", the clauses it serves, its responsibilities and the competencies it requires.`,
          at: context.place(firstUse),
          roles: [roleId],
        }),
      );
    }
    if (!context.profilesByRole.has(roleId)) {
      gaps.push(
        createGap({
          code: 'role-without-profile',
          message: `Role "${roleId}" has no TrainingProfile, so nothing defines the training it requires.`,
          fix: `Add a TrainingProfile with role "${roleId}" that lists the trainings covering its competencies and the assessment.`,
          at: context.place(description?.location, firstUse),
          roles: [roleId],
        }),
      );
    }
  }
  return gaps;
}

export function findUnassignedRoles(context: AnalysisContext): Gap[] {
  const held = new Set<string>();
  for (const person of context.people) {
    for (const duty of context.duties(person)) held.add(duty.role);
  }
  for (const matrix of context.model.matrices) {
    for (const entry of matrix.people) for (const roleId of entry.roles) held.add(roleId);
  }
  const gaps: Gap[] = [];
  for (const [roleId, role] of context.roles) {
    if (held.has(roleId)) continue;
    const baselineNote =
      roleId === BASELINE_ROLE ? ' Every person holds it once they have a record.' : '';
    gaps.push(
      createGap({
        code: 'role-unassigned',
        message: `Nobody holds role "${roleId}" on ${context.today}.${baselineNote}`,
        fix: `Assign a person to "${roleId}" in their TrainingRecord, or remove the role if the organisation does not need it.`,
        at: context.place(role.location),
        roles: [roleId],
      }),
    );
  }
  return gaps;
}

export function findUnservedActivities(context: AnalysisContext, roleIds: string[]): Gap[] {
  const served = new Set<string>();
  for (const roleId of roleIds) {
    const view = context.roleView(roleId);
    for (const clause of [...view.clauses, ...(view.catalogRole?.clauses ?? [])]) {
      served.add(clause);
    }
  }
  const unserved = context.catalog.clauses.filter(
    (clause) => clause.inScope && !isServed(clause, served),
  );
  if (unserved.length === 0) return [];
  // One gap for all of them: a QMS that describes few roles leaves dozens of clauses
  // unserved, and one finding per clause at the same place would bury every other gap.
  const listed = unserved.map((clause) => `${clause.id} (${clause.title})`);
  const message =
    unserved.length === 1
      ? `No role serves ${listed[0]}.`
      : `No role serves these ${unserved.length} in-scope activities: ${listed.join(', ')}.`;
  return [
    createGap({
      code: 'activity-without-role',
      message,
      fix: 'Add each clause to the clauses of the RoleDescription responsible for it, or describe a role that serves it.',
      at: context.place(context.model.programs[0]?.location),
      activityClauses: unserved.map((clause) => clause.id),
    }),
  ];
}

/** Checks whether a role serves the clause itself, a parent clause or a parallel practice. */
function isServed(clause: CatalogClause, served: Set<string>): boolean {
  for (const id of served) {
    if (id === clause.id || clause.id.startsWith(`${id}.`)) return true;
    if (clause.parallels.includes(id)) return true;
  }
  return false;
}
